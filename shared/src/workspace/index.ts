export * from './workspace';
export * from './workspace.schema';
export * from './create-workspace';
export * from './authorize';
export * from './members';
export * from './update-workspace-settings';
