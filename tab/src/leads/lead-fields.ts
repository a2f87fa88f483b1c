import { leadDisplayName, type Lead } from '@crm/shared';
import { ownerColumn } from '../owners/MemberName';
import { enumField, textField, type FieldDescriptor } from '../records/field-descriptor';

/** The leads table's columns. Organisations and contacts get a list like this one, nothing more. */
export const LEAD_FIELDS: readonly FieldDescriptor<Lead>[] = [
  textField('name', 'leads.field.name', leadDisplayName),
  textField('company', 'leads.field.company', (lead) => lead.company),
  textField('email', 'leads.field.email', (lead) => lead.email),
  enumField('source', 'leads.field.source', 'leads.sourceLabel', (lead) => lead.source),
  enumField('status', 'leads.field.status', 'leads.statusLabel', (lead) => lead.status),
  ownerColumn<Lead>(),
];
