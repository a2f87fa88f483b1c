import type { ConvertLeadInput } from '@crm/shared';

/** What the convert dialog holds: ids ('' = create new) and the opportunity's fields as typed. */
export type ConversionChoice = {
  readonly organisationId: string;
  readonly contactId: string;
  readonly createOpportunity: boolean;
  readonly name: string;
  readonly amount: string;
  readonly currency: string;
  readonly closeDate: string;
  readonly stage: string;
};

/** The dialog's choice as the convert request: blanks left out, so the server's defaults apply. */
export function conversionInput(choice: ConversionChoice): Partial<ConvertLeadInput> {
  const opportunity = {
    ...(choice.name.trim() ? { name: choice.name.trim() } : {}),
    ...(choice.amount.trim() ? { amount: Number(choice.amount.replace(',', '.')) } : {}),
    ...(choice.currency.trim() ? { currency: choice.currency.trim().toUpperCase() } : {}),
    ...(choice.closeDate ? { closeDate: choice.closeDate } : {}),
    ...(choice.stage ? { stage: choice.stage } : {}),
  };
  return {
    ...(choice.organisationId ? { organisationId: choice.organisationId } : {}),
    ...(choice.organisationId && choice.contactId ? { contactId: choice.contactId } : {}),
    createOpportunity: choice.createOpportunity,
    ...(choice.createOpportunity && Object.keys(opportunity).length > 0 ? { opportunity } : {}),
  };
}
