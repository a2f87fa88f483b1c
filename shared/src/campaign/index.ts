export * from './campaign';
export * from './campaign.schema';
export * from './campaign-dates';
export * from './campaign-transitions';
export * from './create-campaign';
export * from './update-campaign';
