export * from './contact';
export * from './contact.schema';
export * from './create-contact';
export * from './update-contact';
