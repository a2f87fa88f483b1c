export * from './organisation';
export * from './organisation.schema';
export * from './create-organisation';
export * from './update-organisation';
export * from './mark-customer-on-win';
