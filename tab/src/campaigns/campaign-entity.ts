import {
  CAMPAIGN_STATUSES,
  CAMPAIGN_TYPES,
  CampaignCreateInputSchema,
  CampaignPatchInputSchema,
  type Campaign,
  type CampaignStatus,
} from '@crm/shared';
import type { EntityDescriptor } from '../records/entity';
import { dateField, enumField, statusField, textField, type BadgeColor } from '../records/field-descriptor';

const CAMPAIGN_STATUS_COLOURS: Readonly<Record<CampaignStatus, BadgeColor>> = {
  planned: 'informative',
  active: 'brand',
  completed: 'success',
  aborted: 'subtle',
};

/** Campaigns: what a trade show or webinar cost and brought. */
export const CAMPAIGN_ENTITY: EntityDescriptor<Campaign> = {
  plural: 'campaigns',
  ns: 'campaigns',
  columns: [
    textField('name', 'campaigns.field.name', (c) => c.name, 'name'),
    enumField('type', 'campaigns.field.type', 'campaigns.typeLabel', (c) => c.type),
    statusField(
      'status',
      'campaigns.field.status',
      'campaigns.statusLabel',
      (c) => c.status,
      CAMPAIGN_STATUS_COLOURS,
    ),
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
