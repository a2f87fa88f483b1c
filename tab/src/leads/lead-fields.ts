import { leadDisplayName, type Lead, type LeadStatus } from '@crm/shared';
import { ownerColumn } from '../owners/MemberName';
import {
  enumField,
  statusField,
  textField,
  type BadgeColor,
  type FieldDescriptor,
} from '../records/field-descriptor';

/** How far along a lead is, at a glance: new, being worked, won over, let go. */
export const LEAD_STATUS_COLOURS: Readonly<Record<LeadStatus, BadgeColor>> = {
  'open-not-contacted': 'informative',
  'working-contacted': 'brand',
  'closed-converted': 'success',
  'closed-not-converted': 'subtle',
};

/** The leads table's columns. Organisations and contacts get a list like this one, nothing more. */
export const LEAD_FIELDS: readonly FieldDescriptor<Lead>[] = [
  textField('name', 'leads.field.name', leadDisplayName, 'name'),
  textField('company', 'leads.field.company', (lead) => lead.company),
  textField('email', 'leads.field.email', (lead) => lead.email, 'long'),
  enumField('source', 'leads.field.source', 'leads.sourceLabel', (lead) => lead.source),
  statusField(
    'status',
    'leads.field.status',
    'leads.statusLabel',
    (lead) => lead.status,
    LEAD_STATUS_COLOURS,
  ),
  ownerColumn<Lead>(),
];
