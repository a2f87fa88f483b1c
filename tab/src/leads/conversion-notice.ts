import type { TFunction } from 'i18next';
import type { LeadConversion } from '../api/api-client';
import { leadDisplayName } from '@crm/shared';

/** The announcement after a conversion: what it produced. */
export function convertedText(t: TFunction, result: LeadConversion): string {
  const values = {
    name: leadDisplayName(result.lead),
    organisation: result.organisation.name,
    contact: leadDisplayName(result.contact),
    opportunity: result.opportunity?.name,
  };
  return t(result.opportunity ? 'leads.convertedWithDeal' : 'leads.converted', values);
}
