export const RATINGS = ['hot', 'warm', 'cold'] as const;
/** How promising a lead or an organisation looks (Salesforce's Rating, Pipedrive's hot/warm/cold labels). */
export type Rating = (typeof RATINGS)[number];
