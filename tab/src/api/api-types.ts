/** Records as the API shows them: their own fields plus `etag`, the value If-Match wants. */
export type WithEtag<T> = T & { readonly etag: string };
export type ListPage<T> = { readonly items: readonly T[]; readonly nextCursor: string | null };
export type ListQuery = Readonly<Record<string, string | undefined>>;
