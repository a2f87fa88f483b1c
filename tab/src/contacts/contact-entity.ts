import {
  CONTACT_RELATIONSHIPS,
  type ContactRelationship,
  ContactCreateInputSchema,
  ContactPatchInputSchema,
  leadDisplayName,
  type Contact,
} from '@crm/shared';
import type { EntityDescriptor } from '../records/entity';
import { ownerColumn } from '../owners/MemberName';
import { referenceField, statusField, textField, type BadgeColor } from '../records/field-descriptor';

/** What a contact is to us, at a glance: the badge on their row and their page. */
const RELATIONSHIP_COLOURS: Readonly<Record<ContactRelationship, BadgeColor>> = {
  customer: 'success',
  supplier: 'informative',
  colleague: 'brand',
  partner: 'important',
  other: 'subtle',
};

/** Contacts: people at an organisation, with their relationship to us. */
export const CONTACT_ENTITY: EntityDescriptor<Contact> = {
  plural: 'contacts',
  ns: 'contacts',
  columns: [
    textField('name', 'contacts.field.name', leadDisplayName, 'name'),
    referenceField('organisation', 'contacts.field.organisationId', 'organisations', (c) => c.organisationId),
    textField('email', 'contacts.field.email', (c) => c.email, 'long'),
    textField('title', 'contacts.field.title', (c) => c.title),
    statusField(
      'relationship',
      'contacts.field.relationship',
      'contacts.relationshipLabel',
      (c) => c.relationship,
      RELATIONSHIP_COLOURS,
    ),
    ownerColumn<Contact>(),
  ],
  filters: [
    {
      name: 'relationship',
      labelKey: 'contacts.field.relationship',
      prefix: 'contacts.relationshipLabel',
      options: CONTACT_RELATIONSHIPS,
    },
  ],
  form: [
    {
      kind: 'reference',
      name: 'organisationId',
      labelKey: 'contacts.field.organisationId',
      plural: 'organisations',
      required: true,
    },
    { kind: 'text', name: 'firstName', labelKey: 'contacts.field.firstName' },
    { kind: 'text', name: 'lastName', labelKey: 'contacts.field.lastName', required: true },
    { kind: 'owner', name: 'ownerId', labelKey: 'owners.owner', blankKey: 'owners.me' },

    { kind: 'text', name: 'email', labelKey: 'contacts.field.email', inputType: 'email' },
    { kind: 'text', name: 'phone', labelKey: 'contacts.field.phone', inputType: 'tel' },
    { kind: 'text', name: 'mobile', labelKey: 'contacts.field.mobile', inputType: 'tel' },
    { kind: 'text', name: 'title', labelKey: 'contacts.field.title' },
    {
      kind: 'enum',
      name: 'relationship',
      labelKey: 'contacts.field.relationship',
      prefix: 'contacts.relationshipLabel',
      options: CONTACT_RELATIONSHIPS,
    },
    { kind: 'boolean', name: 'isDecisionMaker', labelKey: 'contacts.field.isDecisionMaker' },
    { kind: 'text', name: 'description', labelKey: 'contacts.field.description', multiline: true },
  ],
  createSchema: ContactCreateInputSchema,
  patchSchema: ContactPatchInputSchema,
  title: leadDisplayName,
  exportable: true,
  importKind: 'contact',
};
