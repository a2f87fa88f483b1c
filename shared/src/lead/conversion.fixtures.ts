import type { Contact } from '../contact/contact';
import { DEFAULT_STAGES } from '../opportunity/stage';
import type { Organisation } from '../organisation/organisation';
import type { WorkspaceSettings } from '../workspace/workspace';
import { decideConversion, type ConversionContext } from './convert-lead';
import type { Lead } from './lead';
import { anOpenLead, T0, T1, WS } from './lead.fixtures';
import { ConvertLeadInputSchema } from './lead.schema';

/** Shared by the conversion specs: a well-filled lead, records to convert into, and the call itself. */
export const settings: WorkspaceSettings = {
  defaultCurrency: 'EUR',
  stages: DEFAULT_STAGES,
  staleAfterDays: 14,
};
export const ids = {
  organisation: 'org-new',
  contact: 'contact-new',
  opportunity: 'opp-new',
  stageChange: 'sc-new',
  event: 'evt-new',
};
export const audit = { createdAt: T0, createdBy: 'alice', updatedAt: T0, updatedBy: 'alice' };

export const anOrganisation = (overrides: Partial<Organisation> = {}): Organisation => ({
  id: 'org-1',
  workspaceId: WS,
  name: 'Fjord Fisk',
  status: 'prospect',
  ownerId: 'carol',
  ...audit,
  ...overrides,
});

export const aContact = (overrides: Partial<Contact> = {}): Contact => ({
  id: 'contact-1',
  workspaceId: WS,
  organisationId: 'org-1',
  lastName: 'Hansen',
  relationship: 'customer',
  isDecisionMaker: false,
  ownerId: 'carol',
  ...audit,
  ...overrides,
});

export const aLead = (): Lead =>
  anOpenLead({
    email: 'ingrid@fjordfisk.no',
    phone: '+47 22 00 00 00',
    title: 'Innkjøpssjef',
    website: 'https://fjordfisk.no',
    industry: 'Seafood',
    campaignId: 'camp-1',
    ownerId: 'dave',
    qualification: { authority: true },
  });

export function convert(input: unknown = {}, ctx: Partial<ConversionContext> = {}) {
  return decideConversion(ConvertLeadInputSchema.parse(input), {
    lead: aLead(),
    settings,
    ids,
    actor: 'bob',
    now: T1,
    ...ctx,
  });
}

export const codeOf = (result: ReturnType<typeof decideConversion>) => (result.ok ? 'ok' : result.error.code);
