/**
 * `@crm/shared/application`: the use cases (access check → parse → load → pure rule → one atomic
 * commit) and the ports storage implements. A use case carries the command's name (`createLead`,
 * `convertLead`, `addMember`); the pure rule it calls is the decision, `decide<Thing>`, exported by
 * `@crm/shared`. The two entry points share no export name (`npm run lint`:
 * scripts/check-export-names.ts); the record catalogue (kinds, versions, sorts) comes from `@crm/shared`.
 */
export * from './deps';
export * from './ports';
export * from './notification-ports';
export * from './team-ports';
export * from './workspace/team.use-case';
export * from './workspace/channel.use-case';
export * from './record/entity-descriptor';
export { createRecord, updateRecord, createUseCase, updateUseCase } from './record/generic-record.use-case';
export * from './access';
export * from './fingerprint';
export { forgetOldIdempotencyKeys, IDEMPOTENCY_DAYS, idempotencyKeyUsed } from './idempotency';
export * from './record/records.use-case';
export * from './record/reassign.use-case';
export * from './record/open-records.use-case';
export * from './workspace/workspace.use-case';
export * from './lead/lead.use-case';
export * from './lead/convert-lead.use-case';
export * from './organisation/organisation.use-case';
export * from './contact/contact.use-case';
export * from './opportunity/opportunity.use-case';
export * from './opportunity/board.use-case';
export * from './campaign/campaign.use-case';
export * from './activity/activity.use-case';
export * from './activity/activity-actions.use-case';
export * from './activity/my-day.use-case';
export * from './activity/morning-digest.use-case';
export * from './activity/morning-digests';
export * from './activity/activity-views';
export * from './reports/reports.use-case';
export * from './imports/import-records.use-case';
export * from './imports/import-jobs.use-case';
export * from './imports/preview-import.use-case';
export { IMPORT_CONCURRENCY, type ImportRunOptions } from './imports/import-run';
export * from './record/export-records.use-case';
export * from './lead/conversion-matches.use-case';
export * from './duplicates/merge-records.use-case';
export * from './relay/delivery';
export * from './relay/relay-ports';
export * from './relay/relay-metrics';
export * from './relay/outbox-relay';
export * from './relay/signalling-records';
export * from './relay/dead-letter.use-case';
export * from './retry-when-busy';
