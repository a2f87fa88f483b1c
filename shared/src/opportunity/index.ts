export * from './opportunity';
export * from './stage';
export * from './stage.schema';
export * from './stages';
export * from './opportunity.schema';
export * from './create-opportunity';
export * from './closed-deal';
export * from './update-opportunity';
