import {
  ACTIVITY_TYPES,
  ActivityCreateInputSchema,
  ActivityPatchInputSchema,
  type Activity,
} from '@crm/shared';
import type { EntityDescriptor } from '../records/entity';
import { dateField, enumField, textField, type FieldDescriptor } from '../records/field-descriptor';
import type { FormField } from '../records/form-field';
import { createElement } from 'react';
import { ownerColumn } from '../owners/MemberName';
import { ActivityWhen, RegardingLink } from './ActivityCells';

export const ACTIVITY_COLUMNS: readonly FieldDescriptor<Activity>[] = [
  textField('subject', 'activities.field.subject', (a) => a.subject, 'name'),
  enumField('type', 'activities.field.type', 'activities.typeLabel', (a) => a.type),
  {
    // Sorted and hovered by the whole date and time; drawn short (`ActivityWhen`).
    ...dateField('occurredAt', 'activities.field.occurredAt', (a) => a.occurredAt, 'dateTime'),
    cell: (a) => createElement(ActivityWhen, { activity: a }),
  },
  {
    ...enumField(
      'regarding',
      'activities.field.regarding',
      'activities.regardingLabel',
      (a) => a.regarding.type,
    ),
    size: 'name',
    cell: (a) => createElement(RegardingLink, { activity: a }),
  },
  enumField('completed', 'activityList.done', 'activityList.doneOption', (a) => String(a.completed)),
  ownerColumn<Activity>(),
  textField('outcome', 'activities.field.outcome', (a) => a.outcome, 'long'),
];

export const ACTIVITY_FORM: readonly FormField[] = [
  {
    kind: 'enum',
    name: 'type',
    labelKey: 'activities.field.type',
    prefix: 'activities.typeLabel',
    options: ACTIVITY_TYPES,
  },
  { kind: 'text', name: 'subject', labelKey: 'activities.field.subject', required: true },
  { kind: 'datetime', name: 'occurredAt', labelKey: 'activities.field.occurredAt' },
  { kind: 'text', name: 'outcome', labelKey: 'activities.field.outcome' },
  { kind: 'text', name: 'notes', labelKey: 'activities.field.notes', multiline: true },
  { kind: 'boolean', name: 'completed', labelKey: 'activities.field.completed' },
];

/** Activities: the list filters by type, owner, done and (in the view) due; "New activity" is the view's own. */
export const ACTIVITY_ENTITY: EntityDescriptor<Activity> = {
  plural: 'activities',
  ns: 'activities',
  columns: ACTIVITY_COLUMNS,
  filters: [
    {
      name: 'type',
      labelKey: 'activities.field.type',
      prefix: 'activities.typeLabel',
      options: ACTIVITY_TYPES,
    },
    { kind: 'owner', name: 'ownerId', labelKey: 'owners.owner' },
    {
      name: 'completed',
      labelKey: 'activityList.done',
      prefix: 'activityList.doneOption',
      options: ['true', 'false'],
    },
  ],
  form: ACTIVITY_FORM,
  createSchema: ActivityCreateInputSchema,
  patchSchema: ActivityPatchInputSchema,
  title: (activity) => activity.subject,
  creatable: false,
};
