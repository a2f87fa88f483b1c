export * from './activity';
export * from './activity.schema';
export * from './task-completion';
export * from './create-activity';
export * from './update-activity';
