/** One input of a record's create/edit form; the generic `RecordForm` renders and converts it. */
export type FormField =
  | {
      readonly kind: 'text';
      readonly name: string;
      readonly labelKey: string;
      readonly required?: boolean;
      readonly inputType?: 'text' | 'email' | 'url' | 'tel';
      readonly multiline?: boolean;
    }
  | {
      readonly kind: 'enum';
      readonly name: string;
      readonly labelKey: string;
      readonly prefix: string;
      readonly options: readonly string[];
      readonly optional?: boolean;
    }
  | { readonly kind: 'boolean'; readonly name: string; readonly labelKey: string }
  | { readonly kind: 'number'; readonly name: string; readonly labelKey: string }
  | { readonly kind: 'date'; readonly name: string; readonly labelKey: string }
  | { readonly kind: 'datetime'; readonly name: string; readonly labelKey: string }
  /** A member (an owner); blank in a new record means the server's default, named by `blankKey`. */
  | { readonly kind: 'owner'; readonly name: string; readonly labelKey: string; readonly blankKey: string }
  /** An id of another record, chosen from that kind's list (organisations, campaigns). */
  | {
      readonly kind: 'reference';
      readonly name: string;
      readonly labelKey: string;
      readonly plural: 'organisations' | 'campaigns';
      readonly required?: boolean;
    };

export type FormValues = Record<string, string | boolean>;

/** A record's current values as form values (absent → blank). */
export function formValuesOf(fields: readonly FormField[], record?: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = record?.[field.name];
    if (field.kind === 'boolean') values[field.name] = value === true;
    else if (field.kind === 'datetime' && typeof value === 'string') values[field.name] = value.slice(0, 16);
    else if (field.kind === 'enum' && value === undefined && !field.optional)
      values[field.name] = field.options[0] ?? '';
    else values[field.name] = value === undefined || value === null ? '' : String(value);
  }
  return values;
}

/**
 * Form values → API input: numbers parsed, local date-times as instants, blanks and unticked boxes
 * left out (every flag defaults to false, and some exist only in one case: a task's `completed`).
 */
export function inputOf(fields: readonly FormField[], values: FormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (typeof value === 'boolean') {
      if (value) input[field.name] = true;
      continue;
    }
    const text = (value ?? '').trim();
    if (text === '') continue;
    if (field.kind === 'number') input[field.name] = Number(text.replace(',', '.'));
    else if (field.kind === 'datetime') input[field.name] = new Date(text).toISOString();
    else input[field.name] = text;
  }
  return input;
}

/**
 * Only what changed, for a PATCH: a cleared field is sent as null (the schemas read null and blank
 * as "clear"), an unchanged one not at all, so a concurrent edit of another field is not undone.
 */
export function patchOf(
  fields: readonly FormField[],
  before: FormValues,
  after: FormValues,
): Record<string, unknown> {
  const next = inputOf(fields, after);
  const patch: Record<string, unknown> = {};
  for (const field of fields) {
    const value = after[field.name];
    if (before[field.name] === value) continue;
    if (typeof value === 'boolean') patch[field.name] = value;
    else patch[field.name] = field.name in next ? next[field.name] : null;
  }
  return patch;
}

/** A zod issue's code → the translation key of its message. */
export function issueKey(code: string, field: string): string {
  if (code === 'too_small') return 'validation.required';
  if (code === 'too_big') return 'validation.tooLong';
  if (field === 'email') return 'validation.email';
  return 'validation.invalid';
}
