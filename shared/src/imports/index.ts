/**
 * Importing records from the CSV files CRMs export (ours, Salesforce, HubSpot, Pipedrive): which
 * field each column feeds, how picklist values map, how a row becomes a record, duplicates, the
 * tally and the background job. Pure and browser-safe (the tab's preview uses the same words).
 */
export * from './import-fields';
export * from './import-headers';
export * from './import-choices';
export * from './import-stages';
export * from './import-parse';
export * from './import-lookups';
export * from './import-mapping';
export * from './import-row';
export * from './import-records';
export * from './import-duplicates';
export * from './import-tally';
export * from './import-job';
export * from './import-preview';
export * from './import-error-file';
export * from './import-values';
export * from './import-limits';
