import type { Regarding } from '../activity/activity';
import type { Lead } from './lead';

/**
 * What a lead's activities also count for. Conversion writes no activity rows: at read time an
 * activity regarding a converted lead belongs to the organisation, contact and opportunity it became.
 */
export function followedRegarding(lead: Lead): Regarding[] {
  switch (lead.status) {
    case 'closed-converted':
      return [
        { type: 'organisation', id: lead.convertedOrganisationId },
        { type: 'contact', id: lead.convertedContactId },
        ...(lead.convertedOpportunityId
          ? [{ type: 'opportunity' as const, id: lead.convertedOpportunityId }]
          : []),
      ];
    case 'open-not-contacted':
    case 'working-contacted':
    case 'closed-not-converted':
      return [];
    default: {
      const _exhaustive: never = lead;
      return _exhaustive;
    }
  }
}
