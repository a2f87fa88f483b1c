import {
  CAMPAIGN_STATUSES,
  CAMPAIGN_TYPES,
  CampaignCreateInputSchema,
  CampaignPatchInputSchema,
  type Campaign,
} from '@crm/shared';
import type { EntityDescriptor } from '../records/entity';
import { dateField, enumField, textField } from '../records/field-descriptor';

/** Campaigns: what a trade show or webinar cost and brought. */
export const CAMPAIGN_ENTITY: EntityDescriptor<Campaign> = {
  plural: 'campaigns',
  ns: 'campaigns',
  columns: [
    textField('name', 'campaigns.field.name', (c) => c.name),
    enumField('type', 'campaigns.field.type', 'campaigns.typeLabel', (c) => c.type),
    enumField('status', 'campaigns.field.status', 'campaigns.statusLabel', (c) => c.status),
    dateField('startDate', 'campaigns.field.startDate', (c) => c.startDate),
    dateField('endDate', 'campaigns.field.endDate', (c) => c.endDate),
  ],
  filters: [
    {
      name: 'status',
      labelKey: 'campaigns.field.status',
      prefix: 'campaigns.statusLabel',
      options: CAMPAIGN_STATUSES,
    },
    {
      name: 'type',
      labelKey: 'campaigns.field.type',
      prefix: 'campaigns.typeLabel',
      options: CAMPAIGN_TYPES,
    },
  ],
  form: [
    { kind: 'text', name: 'name', labelKey: 'campaigns.field.name', required: true },
    {
      kind: 'enum',
      name: 'type',
      labelKey: 'campaigns.field.type',
      prefix: 'campaigns.typeLabel',
      options: CAMPAIGN_TYPES,
    },
    {
      kind: 'enum',
      name: 'status',
      labelKey: 'campaigns.field.status',
      prefix: 'campaigns.statusLabel',
      options: CAMPAIGN_STATUSES,
    },
    { kind: 'date', name: 'startDate', labelKey: 'campaigns.field.startDate' },
    { kind: 'date', name: 'endDate', labelKey: 'campaigns.field.endDate' },
    { kind: 'text', name: 'currency', labelKey: 'campaigns.field.currency' },
    { kind: 'number', name: 'budgetedCost', labelKey: 'campaigns.field.budgetedCost' },
    { kind: 'number', name: 'actualCost', labelKey: 'campaigns.field.actualCost' },
    { kind: 'number', name: 'expectedRevenue', labelKey: 'campaigns.field.expectedRevenue' },
    { kind: 'text', name: 'description', labelKey: 'campaigns.field.description', multiline: true },
  ],
  createSchema: CampaignCreateInputSchema,
  patchSchema: CampaignPatchInputSchema,
  title: (c) => c.name,
};
