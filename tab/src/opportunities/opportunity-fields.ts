import type { Opportunity } from '@crm/shared';
import { Link } from '@fluentui/react-components';
import { createElement } from 'react';
import { NextStep } from '../deals/NextStep';
import { textField, type FieldDescriptor } from '../records/field-descriptor';
import { formatDate, formatMoney } from '../pipeline/pipeline-format';

export type OpportunityFieldContext = {
  readonly language: string;
  readonly organisationName: (id: string) => string;
  readonly memberName: (userId: string) => string;
  readonly stageName: (id: string) => string;
  /** The deal's own page (its name links there). */
  readonly dealHref?: (id: string) => string;
};

/** The opportunities table's columns; names of organisations and owners come from the workspace. */
export const opportunityFields = (c: OpportunityFieldContext): readonly FieldDescriptor<Opportunity>[] => [
  {
    id: 'name',
    labelKey: 'opportunities.field.name',
    render: (o) => (c.dealHref ? createElement(Link, { href: c.dealHref(o.id) }, o.name) : o.name),
  },
  textField('organisation', 'opportunities.field.organisation', (o) => c.organisationName(o.organisationId)),
  textField('stage', 'opportunities.field.stage', (o) => c.stageName(o.stage)),
  textField('amount', 'opportunities.field.amount', (o) =>
    o.amount === undefined ? undefined : formatMoney(o.amount, o.currency, c.language),
  ),
  textField('closeDate', 'opportunities.field.closeDate', (o) =>
    o.closeDate ? formatDate(o.closeDate, c.language) : undefined,
  ),
  textField('probability', 'opportunities.field.probability', (o) => String(o.probability)),
  textField('owner', 'opportunities.field.owner', (o) => c.memberName(o.ownerId)),
  { id: 'nextActivity', labelKey: 'nextStep.label', render: (o) => createElement(NextStep, { deal: o }) },
];
