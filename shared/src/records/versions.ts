/** Opaque concurrency token (an ETag inside storage). Compare only for equality. */
export type Version = string & { readonly __brand: 'Version' };
export type Versioned<T> = { readonly record: T; readonly version: Version };
export type Page<T> = { readonly items: readonly T[]; readonly nextCursor?: string };
