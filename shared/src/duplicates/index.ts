export * from './company-identity';
export * from './duplicate-matching';
export * from './merge-records';
