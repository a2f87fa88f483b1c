import type { ImportKind } from '@crm/shared';
import type { ZodType } from 'zod';
import type { RecordPlural } from '../api/api-client';
import type { FieldDescriptor } from './field-descriptor';
import type { FormField } from './form-field';

/**
 * A list filter, sent as `?<name>=<id>`: a select over an enumeration (labels under `prefix`), or
 * over the workspace's members or campaigns.
 */
export type FilterDescriptor =
  | {
      readonly kind?: 'enum';
      readonly name: string;
      readonly labelKey: string;
      readonly prefix: string;
      readonly options: readonly string[];
    }
  | { readonly kind: 'owner' | 'campaign'; readonly name: string; readonly labelKey: string };

/**
 * Everything the generic list, detail and form need to show one kind of record. An entity is a value
 * of this type (see `leads/lead-entity.ts`), not a copy of the screens.
 */
export type EntityDescriptor<T extends { readonly id: string }> = {
  /** The API segment, which is also the view's id in the URL. */
  readonly plural: RecordPlural;
  /** The prefix of the entity's translation keys: `<ns>.heading`, `<ns>.new`, `<ns>.empty`... */
  readonly ns: string;
  readonly columns: readonly FieldDescriptor<T>[];
  readonly filters: readonly FilterDescriptor[];
  /** Fields of the create and edit forms, in order. */
  readonly form: readonly FormField[];
  readonly createSchema: ZodType;
  readonly patchSchema: ZodType;
  /** How a record is named in headings, links and announcements. */
  readonly title: (record: T) => string;
  /** False for records that can no longer be edited (a converted lead), nor selected for a bulk change. */
  readonly editable?: (record: T) => boolean;
  /** False for records that may not go to the recycle bin (a converted lead): no Delete on their page. */
  readonly deletable?: (record: T) => boolean;
  /** False where records are only made from elsewhere (activities are logged from a record). */
  readonly creatable?: boolean;
  /** On a narrow screen, the two fields a record's card shows under its name (default: the next two). */
  readonly cardFields?: readonly string[];
  /** Whether the list offers CSV export (the API has it for leads, organisations, contacts, deals). */
  readonly exportable?: boolean;
  /** What the list's CSV import brings in (leads have their own toolbar entry). */
  readonly importKind?: ImportKind;
};
