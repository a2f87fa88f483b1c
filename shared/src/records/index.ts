/**
 * The record catalogue: the kinds of record, their versions and change sets, how each kind is sorted,
 * searched, exported and laid out in rows. Pure and browser-safe; it imports no use case, port or
 * storage, so storage and the use cases both build on it. Re-exported by `@crm/shared`.
 */
export * from './records';
export * from './versions';
export * from './change-set';
export * from './record-sort';
export * from './row-plan';
export * from './upgrade-record';
export * from './record-names';
export * from './export-columns';
export * from './record-links';
