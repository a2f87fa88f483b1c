/**
 * `@crm/shared`: the browser-safe core — types, pure rules, schemas and error codes.
 * Use cases are `@crm/shared/application`; storage `@crm/shared/storage`; fakes `@crm/shared/testing`.
 */
export * from './common/result';
export * from './common/domain-error';
export * from './common/error-codes';
export * from './common/types';
export * from './common/schemas';
export * from './common/validation';
export * from './common/search-tokens';
export * from './common/csv';
export * from './common/money-totals';
export * from './events/domain-event';
export * from './lead';
export * from './organisation';
export * from './contact';
export * from './opportunity';
export * from './campaign';
export * from './activity';
export * from './workspace';
export * from './reports';
export type { RecordKind, RecordOf, AnyRecord } from './application/records';
export { RECORD_KINDS, RECORD_FILTERS } from './application/records';
export {
  RECORD_SORTS,
  SORT_CAP,
  parseSort,
  sortComparator,
  sortEntry,
  sortFields,
} from './application/record-sort';
export type { ListSort, SortDirection, SortField } from './application/record-sort';
export type { Version, Versioned, Page } from './application/ports';
