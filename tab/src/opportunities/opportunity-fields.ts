import type { Opportunity } from '@crm/shared';
import { createElement } from 'react';
import { NextStep } from '../deals/NextStep';
import { dateField, moneyField, textField, type FieldDescriptor } from '../records/field-descriptor';

export type OpportunityFieldContext = {
  readonly organisationName: (id: string) => string;
  readonly memberName: (userId: string) => string;
  readonly stageName: (id: string) => string;
};

/** The opportunities table's columns; names of organisations and owners come from the workspace. */
export const opportunityFields = (c: OpportunityFieldContext): readonly FieldDescriptor<Opportunity>[] => [
  textField('name', 'opportunities.field.name', (o) => o.name, 'name'),
  textField('organisation', 'opportunities.field.organisation', (o) => c.organisationName(o.organisationId)),
  {
    id: 'stage',
    labelKey: 'opportunities.field.stage',
    size: 'badge',
    text: (o) => c.stageName(o.stage),
    badge: (o) => (o.stage === 'closed-won' ? 'success' : o.stage === 'closed-lost' ? 'subtle' : 'brand'),
  },
  moneyField('amount', 'opportunities.field.amount', (o) => o),
  dateField('closeDate', 'opportunities.column.closeDate', (o) => o.closeDate),
  {
    id: 'probability',
    labelKey: 'opportunities.column.probability',
    size: 'number',
    text: (o, { format }) => format.number(o.probability),
  },
  textField('owner', 'opportunities.field.owner', (o) => c.memberName(o.ownerId)),
  {
    id: 'nextActivity',
    labelKey: 'nextStep.label',
    // A subject and its due day on one line: the room of a long text.
    size: 'long',
    text: () => '',
    cell: (o) => createElement(NextStep, { deal: o }),
  },
];
