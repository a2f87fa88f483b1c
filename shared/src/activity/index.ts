export * from './activity';
export * from './activity.schema';
export * from './activity-time';
export * from './activity-summary';
export * from './activity-completion';
export * from './create-activity';
export * from './update-activity';
export * from './complete-activity';
