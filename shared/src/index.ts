/**
 * `@crm/shared`: the browser-safe core — types, pure rules, schemas, error codes and the record catalogue
 * (`records/`). Use cases are `@crm/shared/application`; storage `@crm/shared/storage`; fakes `@crm/shared/testing`.
 *
 * A pure rule is named as a decision, `decide<Thing>` (`decideConversion`); its use case keeps the
 * command's name (`convertLead`). No name is exported here and by `@crm/shared/application` too
 * (`npm run lint`: scripts/check-export-names.ts).
 */
export * from './common/result';
export * from './common/backoff';
export * from './common/storage-busy';
export * from './common/domain-error';
export * from './common/error-codes';
export * from './common/types';
export * from './common/schemas';
export * from './common/validation';
export * from './common/search-tokens';
export * from './common/csv';
export * from './common/money-totals';
export * from './common/rating';
export * from './events/domain-event';
export * from './lead';
export * from './organisation';
export * from './contact';
export * from './opportunity';
export * from './campaign';
export * from './activity';
export * from './duplicates';
export * from './workspace';
export * from './reports';
export * from './records';
export * from './imports';
