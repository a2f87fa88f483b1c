import {
  LEAD_SOURCES,
  LEAD_STATUSES,
  LeadCreateInputSchema,
  LeadPatchInputSchema,
  leadCapabilities,
  leadDisplayName,
  type Lead,
} from '@crm/shared';
import type { EntityDescriptor } from '../records/entity';
import type { FormField } from '../records/form-field';
import { LEAD_FIELDS } from './lead-fields';

export const LEAD_FORM: readonly FormField[] = [
  { kind: 'text', name: 'firstName', labelKey: 'leads.field.firstName' },
  { kind: 'text', name: 'lastName', labelKey: 'leads.field.lastName', required: true },
  { kind: 'text', name: 'company', labelKey: 'leads.field.company' },
  { kind: 'text', name: 'email', labelKey: 'leads.field.email', inputType: 'email' },
  { kind: 'text', name: 'phone', labelKey: 'leads.field.phone', inputType: 'tel' },
  { kind: 'text', name: 'title', labelKey: 'leads.field.title' },
  { kind: 'text', name: 'website', labelKey: 'leads.field.website', inputType: 'url' },
  { kind: 'text', name: 'industry', labelKey: 'leads.field.industry' },
  {
    kind: 'enum',
    name: 'source',
    labelKey: 'leads.field.source',
    prefix: 'leads.sourceLabel',
    options: LEAD_SOURCES,
  },
  { kind: 'reference', name: 'campaignId', labelKey: 'leads.field.campaignId', plural: 'campaigns' },
  { kind: 'text', name: 'description', labelKey: 'leads.field.description', multiline: true },
  { kind: 'owner', name: 'ownerId', labelKey: 'owners.owner', blankKey: 'owners.auto' },
];

/** Leads: people who may buy. What a lead allows (a converted one is read-only) is shared's `leadCapabilities`. */
export const LEAD_ENTITY: EntityDescriptor<Lead> = {
  plural: 'leads',
  ns: 'leads',
  columns: LEAD_FIELDS,
  filters: [
    { name: 'status', labelKey: 'leads.field.status', prefix: 'leads.statusLabel', options: LEAD_STATUSES },
    { name: 'source', labelKey: 'leads.field.source', prefix: 'leads.sourceLabel', options: LEAD_SOURCES },
    { kind: 'owner', name: 'ownerId', labelKey: 'leads.field.ownerId' },
    { kind: 'campaign', name: 'campaignId', labelKey: 'leads.field.campaignId' },
  ],
  form: LEAD_FORM,
  createSchema: LeadCreateInputSchema,
  patchSchema: LeadPatchInputSchema,
  title: leadDisplayName,
  editable: (lead) => leadCapabilities(lead).edit,
  deletable: (lead) => leadCapabilities(lead).delete,
  exportable: true,
};
