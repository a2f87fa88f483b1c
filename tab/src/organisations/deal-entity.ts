import { OpportunityCreateInputSchema, OpportunityPatchInputSchema, type Opportunity } from '@crm/shared';
import type { EntityDescriptor } from '../records/entity';
import { dateField, moneyField, textField } from '../records/field-descriptor';

/**
 * Just enough of an opportunity to list it under its organisation or campaign and link to it; the
 * opportunities views themselves live in `opportunities/`.
 */
export const DEAL_LINKS: EntityDescriptor<Opportunity> = {
  plural: 'opportunities',
  ns: 'deals',
  columns: [
    textField('name', 'deals.field.name', (o) => o.name, 'name'),
    moneyField('amount', 'deals.field.amount', (o) => o),
    {
      id: 'stage',
      labelKey: 'deals.field.stage',
      size: 'enum',
      text: (o, { t }) => t(`stages.${o.stage}`, { defaultValue: o.stage }),
    },
    dateField('closeDate', 'deals.field.closeDate', (o) => o.closeDate),
  ],
  filters: [],
  form: [],
  createSchema: OpportunityCreateInputSchema,
  patchSchema: OpportunityPatchInputSchema,
  title: (o) => o.name,
  creatable: false,
};
