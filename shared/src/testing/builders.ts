import type { Activity } from '../activity/activity';
import type { Campaign } from '../campaign/campaign';
import type { Audit } from '../common/types';
import type { Contact } from '../contact/contact';
import type { DomainEvent } from '../events/domain-event';
import type { ConvertedLead, DisqualifiedLead, Lead, LeadStatus } from '../lead/lead';
import { EMPTY_QUALIFICATION } from '../lead/lead';
import type { Opportunity, StageChange } from '../opportunity/opportunity';
import { DEFAULT_STAGES } from '../opportunity/stage';
import type { Organisation } from '../organisation/organisation';
import type { Member, Workspace } from '../workspace/workspace';

/**
 * Records with sensible defaults for tests: override what the test is about, nothing else. Ids are
 * unique per test run (`lead-00001`...); pass `id` when a test needs to name one.
 */
export const TEST_WORKSPACE = 'ws-test';
export const TEST_TENANT = 'tenant-test';
export const TEST_USER = 'user-test';
export const TEST_INSTANT = '2026-11-22T10:00:00.000Z';

let sequence = 0;
const nextId = (prefix: string): string => `${prefix}-${String(++sequence).padStart(5, '0')}`;

const audit: Audit = {
  createdAt: TEST_INSTANT,
  createdBy: TEST_USER,
  updatedAt: TEST_INSTANT,
  updatedBy: TEST_USER,
};

type LeadOverrides = Partial<Omit<ConvertedLead, 'status'>> &
  Partial<Omit<DisqualifiedLead, 'status'>> & { readonly status?: LeadStatus };

/** Leads built without an email of their own get distinct ones: a lead's email is unique in its workspace. */
export const aLead = (overrides: LeadOverrides = {}): Lead => {
  const id = nextId('lead');
  return {
    id,
    workspaceId: TEST_WORKSPACE,
    status: 'open-not-contacted',
    firstName: 'Ana',
    lastName: 'Silva',
    email: `ana.silva.${id.slice('lead-'.length)}@example.pt`,
    company: 'Exemplo Lda',
    source: 'web',
    ownerId: TEST_USER,
    qualification: EMPTY_QUALIFICATION,
    ...audit,
    ...overrides,
  } as Lead;
};

export const anOrganisation = (overrides: Partial<Organisation> = {}): Organisation => ({
  id: nextId('org'),
  workspaceId: TEST_WORKSPACE,
  name: 'Exemplo Lda',
  website: 'https://www.exemplo.pt',
  status: 'prospect',
  ownerId: TEST_USER,
  ...audit,
  ...overrides,
});

export const aContact = (overrides: Partial<Contact> = {}): Contact => ({
  id: nextId('contact'),
  workspaceId: TEST_WORKSPACE,
  organisationId: 'org-unset',
  firstName: 'Ana',
  lastName: 'Silva',
  email: 'ana.silva@example.pt',
  relationship: 'customer',
  isDecisionMaker: false,
  ownerId: TEST_USER,
  ...audit,
  ...overrides,
});

export const anOpportunity = (overrides: Partial<Opportunity> = {}): Opportunity => ({
  id: nextId('opp'),
  workspaceId: TEST_WORKSPACE,
  name: 'Exemplo Lda – 2026-11-22',
  organisationId: 'org-unset',
  amount: 10_000,
  currency: 'EUR',
  ownerId: TEST_USER,
  stage: 'prospecting',
  probability: 10,
  probabilityOverridden: false,
  forecastCategory: 'pipeline',
  stageChangedAt: TEST_INSTANT,
  ...audit,
  ...overrides,
});

export const aCampaign = (overrides: Partial<Campaign> = {}): Campaign => ({
  id: nextId('campaign'),
  workspaceId: TEST_WORKSPACE,
  name: 'Beurs Utrecht 2026',
  type: 'trade-show',
  status: 'planned',
  currency: 'EUR',
  ownerId: TEST_USER,
  ...audit,
  ...overrides,
});

export const anActivity = (overrides: Partial<Activity> = {}): Activity => ({
  id: nextId('activity'),
  workspaceId: TEST_WORKSPACE,
  type: 'call',
  subject: 'Introductory call',
  regarding: { type: 'lead', id: 'lead-unset' },
  occurredAt: TEST_INSTANT,
  completed: true,
  completedAt: TEST_INSTANT,
  ownerId: TEST_USER,
  ...audit,
  ...overrides,
});

export const aWorkspace = (overrides: Partial<Workspace> = {}): Workspace => ({
  id: nextId('ws'),
  tenantId: TEST_TENANT,
  name: 'Sales NL',
  settings: { defaultCurrency: 'EUR', stages: DEFAULT_STAGES, staleAfterDays: 30 },
  createdAt: TEST_INSTANT,
  createdBy: TEST_USER,
  updatedAt: TEST_INSTANT,
  updatedBy: TEST_USER,
  ...overrides,
});

/** A member of `workspace` (an owner unless told otherwise). */
export const aMember = (
  workspace: Pick<Workspace, 'id' | 'tenantId'>,
  overrides: Partial<Member> = {},
): Member => ({
  workspaceId: workspace.id,
  tenantId: workspace.tenantId,
  userId: TEST_USER,
  role: 'owner',
  addedAt: TEST_INSTANT,
  addedBy: TEST_USER,
  ...overrides,
});

export const aStageChange = (overrides: Partial<StageChange> = {}): StageChange => ({
  id: nextId('change'),
  opportunityId: 'opp-unset',
  to: 'prospecting',
  by: TEST_USER,
  at: TEST_INSTANT,
  ...overrides,
});

export const aLeadConvertedEvent = (overrides: Partial<DomainEvent> = {}): DomainEvent =>
  ({
    id: nextId('event'),
    type: 'lead.converted',
    workspaceId: TEST_WORKSPACE,
    occurredAt: TEST_INSTANT,
    actorId: TEST_USER,
    data: {
      leadId: 'lead-unset',
      leadName: 'Ana Silva',
      organisationId: 'org-unset',
      organisationName: 'Exemplo Lda',
      contactId: 'contact-unset',
    },
    ...overrides,
  }) as DomainEvent;
