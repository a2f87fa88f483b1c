import { EXPORT_KINDS, type ExportKind } from '../records/export-columns';

/** What an import can bring in: the kinds an export writes, so every export reads back. */
export const IMPORT_KINDS = EXPORT_KINDS;
export type ImportKind = ExportKind;

/**
 * How a column's text is read. `choice` fields map picklist values (ours, synonyms, else `other`
 * with the original kept); `stage` maps to the workspace's stages; `owner`, `campaign`,
 * `organisation` and `contact` name other records (by id, the export's own id, name or email);
 * `derived` columns of our own export are recomputed, so they are read and not used.
 */
export type FieldType =
  | 'id'
  | 'text'
  | 'name'
  | 'email'
  | 'url'
  | 'industry'
  | 'number'
  | 'integer'
  | 'percent'
  | 'boolean'
  | 'date'
  | 'instant'
  | 'currency'
  | 'choice'
  | 'stage'
  | 'owner'
  | 'campaign'
  | 'organisation'
  | 'contact'
  | 'values'
  | 'derived';

const person = {
  id: 'id',
  externalId: 'text',
  name: 'name',
  firstName: 'text',
  lastName: 'text',
  email: 'email',
  phone: 'text',
  mobile: 'text',
  title: 'text',
  description: 'text',
  owner: 'owner',
  createdAt: 'instant',
  updatedAt: 'instant',
  deleted: 'boolean',
  importedValues: 'values',
} as const;

const address = {
  address: 'text',
  city: 'text',
  postalCode: 'text',
  region: 'text',
  country: 'text',
} as const;

/**
 * Every field a column can feed, per kind, with how its text is read. Besides the record's own
 * fields: `name` (a whole name, split into first and last), `lifecycleStage` (HubSpot's, read into
 * the status or relationship when no column gives it), `converted` and `deleted` (Salesforce's
 * IsConverted / IsDeleted: such rows are skipped), and the links by id, own id or name.
 */
export const IMPORT_FIELDS = {
  lead: {
    ...person,
    company: 'text',
    website: 'url',
    industry: 'industry',
    ...address,
    annualRevenue: 'number',
    employees: 'integer',
    rating: 'choice',
    source: 'choice',
    status: 'choice',
    lifecycleStage: 'choice',
    campaign: 'campaign',
    campaignId: 'campaign',
    disqualificationReason: 'text',
    budget: 'boolean',
    authority: 'boolean',
    need: 'boolean',
    timeline: 'boolean',
    qualificationNotes: 'text',
    converted: 'boolean',
    convertedAt: 'instant',
    convertedOrganisationId: 'id',
    convertedContactId: 'id',
    convertedOpportunityId: 'id',
  },
  organisation: {
    id: 'id',
    externalId: 'text',
    name: 'text',
    status: 'choice',
    lifecycleStage: 'choice',
    website: 'url',
    industry: 'industry',
    size: 'choice',
    employees: 'integer',
    annualRevenue: 'number',
    rating: 'choice',
    phone: 'text',
    email: 'email',
    ...address,
    description: 'text',
    owner: 'owner',
    createdAt: 'instant',
    updatedAt: 'instant',
    deleted: 'boolean',
    importedValues: 'values',
  },
  contact: {
    ...person,
    organisation: 'organisation',
    organisationId: 'organisation',
    organisationExternalId: 'organisation',
    relationship: 'choice',
    lifecycleStage: 'choice',
    isDecisionMaker: 'boolean',
  },
  opportunity: {
    id: 'id',
    externalId: 'text',
    name: 'text',
    organisation: 'organisation',
    organisationId: 'organisation',
    organisationExternalId: 'organisation',
    primaryContact: 'contact',
    primaryContactId: 'contact',
    primaryContactExternalId: 'contact',
    stage: 'stage',
    status: 'choice',
    probability: 'percent',
    forecastCategory: 'derived',
    amount: 'number',
    currency: 'currency',
    closeDate: 'date',
    owner: 'owner',
    campaign: 'campaign',
    campaignId: 'campaign',
    leadId: 'id',
    lostReason: 'text',
    closedAt: 'instant',
    nextStep: 'text',
    description: 'text',
    createdAt: 'instant',
    updatedAt: 'instant',
    deleted: 'boolean',
    importedValues: 'values',
  },
} as const satisfies { readonly [K in ImportKind]: Readonly<Record<string, FieldType>> };

export type ImportFieldOf<K extends ImportKind> = keyof (typeof IMPORT_FIELDS)[K] & string;
/** Any kind's field. */
export type ImportField = { [K in ImportKind]: ImportFieldOf<K> }[ImportKind];

export const importFieldsOf = (kind: ImportKind): readonly string[] => Object.keys(IMPORT_FIELDS[kind]);

export const fieldType = (kind: ImportKind, field: string): FieldType | undefined =>
  (IMPORT_FIELDS[kind] as Readonly<Record<string, FieldType>>)[field];

export const isImportField = (kind: ImportKind, field: string): boolean =>
  fieldType(kind, field) !== undefined;
