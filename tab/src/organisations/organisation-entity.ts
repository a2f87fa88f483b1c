import {
  ORGANISATION_SIZES,
  ORGANISATION_STATUSES,
  OrganisationCreateInputSchema,
  OrganisationPatchInputSchema,
  type Organisation,
  type OrganisationStatus,
} from '@crm/shared';
import type { EntityDescriptor } from '../records/entity';
import { ownerColumn } from '../owners/MemberName';
import { statusField, textField, type BadgeColor } from '../records/field-descriptor';

const ORGANISATION_STATUS_COLOURS: Readonly<Record<OrganisationStatus, BadgeColor>> = {
  prospect: 'informative',
  customer: 'success',
  partner: 'brand',
  supplier: 'subtle',
  'former-customer': 'warning',
};

/** Organisations (accounts): prospect until the first won deal makes them a customer. */
export const ORGANISATION_ENTITY: EntityDescriptor<Organisation> = {
  plural: 'organisations',
  ns: 'organisations',
  columns: [
    textField('name', 'organisations.field.name', (o) => o.name, 'name'),
    statusField(
      'status',
      'organisations.field.status',
      'organisations.statusLabel',
      (o) => o.status,
      ORGANISATION_STATUS_COLOURS,
    ),
    textField('industry', 'organisations.field.industry', (o) => o.industry),
    textField('city', 'organisations.field.city', (o) => o.city),
    textField('website', 'organisations.field.website', (o) => o.website, 'long'),
    ownerColumn<Organisation>(),
  ],
  filters: [
    {
      name: 'status',
      labelKey: 'organisations.field.status',
      prefix: 'organisations.statusLabel',
      options: ORGANISATION_STATUSES,
    },
  ],
  form: [
    { kind: 'text', name: 'name', labelKey: 'organisations.field.name', required: true },
    { kind: 'owner', name: 'ownerId', labelKey: 'owners.owner', blankKey: 'owners.me' },

    {
      kind: 'enum',
      name: 'status',
      labelKey: 'organisations.field.status',
      prefix: 'organisations.statusLabel',
      options: ORGANISATION_STATUSES,
    },
    { kind: 'text', name: 'website', labelKey: 'organisations.field.website', inputType: 'url' },
    { kind: 'text', name: 'industry', labelKey: 'organisations.field.industry' },
    {
      kind: 'enum',
      name: 'size',
      labelKey: 'organisations.field.size',
      prefix: 'organisations.sizeLabel',
      options: ORGANISATION_SIZES,
      optional: true,
    },
    { kind: 'text', name: 'phone', labelKey: 'organisations.field.phone', inputType: 'tel' },
    { kind: 'text', name: 'email', labelKey: 'organisations.field.email', inputType: 'email' },
    { kind: 'text', name: 'address', labelKey: 'organisations.field.address' },
    { kind: 'text', name: 'city', labelKey: 'organisations.field.city' },
    { kind: 'text', name: 'country', labelKey: 'organisations.field.country' },
    { kind: 'text', name: 'description', labelKey: 'organisations.field.description', multiline: true },
  ],
  createSchema: OrganisationCreateInputSchema,
  patchSchema: OrganisationPatchInputSchema,
  title: (o) => o.name,
  exportable: true,
  importKind: 'organisation',
};
