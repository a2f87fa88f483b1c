import { unescapeFormula } from '../common/csv';
import { currencySchema, idSchema } from '../common/schemas';
import type { Id } from '../common/types';
import { normaliseOrganisationName } from '../duplicates/company-identity';
import { CHOICES, isChoice, mapChoice } from './import-choices';
import { fieldType, type ImportKind } from './import-fields';
import {
  findByName,
  findMember,
  findReference,
  nameKey,
  type Found,
  type ImportLookups,
} from './import-lookups';
import type { ImportMapping } from './import-mapping';
import {
  employeeBand,
  industryText,
  parseBoolean,
  parseCurrency,
  parseDate,
  parseInstant,
  parseNumber,
} from './import-parse';
import { mapStage } from './import-stages';

export type ImportErrorCode =
  | 'required'
  | 'invalid'
  | 'too-long'
  | 'invalid-email'
  | 'invalid-number'
  | 'invalid-date'
  | 'invalid-boolean'
  | 'invalid-id'
  | 'organisation-not-found'
  | 'organisation-ambiguous'
  | 'too-many-cells'
  | 'not-saved';

/**
 * Why a row was not imported. `row` is the spreadsheet row (the header is row 1), `field` the field
 * (or `(row)` for the whole row), `column` the file's header of the cell, `value` what it said.
 */
export type ImportRowError = {
  readonly row: number;
  readonly field: string;
  readonly code: ImportErrorCode;
  readonly message: string;
  readonly column?: string;
  readonly value?: string;
};

/** How a file's value became ours, when it was not one of our own words. */
export type ValueUse = {
  readonly field: string;
  readonly value: string;
  /** What it became; absent: the field stays empty (the original is kept on the record). */
  readonly to?: string;
  readonly how: 'synonym' | 'fallback' | 'chosen' | 'ask';
};

export type SkipReason = 'duplicate' | 'converted' | 'deleted' | 'email-in-use' | 'unchanged';

/** A row read and deliberately not written, with why. */
export type ImportSkip = {
  readonly row: number;
  readonly reason: SkipReason;
  readonly message: string;
  /** duplicate / email-in-use: the record it matched, or the earlier row of this file. */
  readonly existingId?: Id;
  readonly duplicateOfRow?: number;
  readonly matchedBy?: 'id' | 'externalId' | 'email' | 'name' | 'domain';
  readonly email?: string;
};

/** A row's fields read into our values, with the file's own words where we mapped them. */
export type FieldValues = Readonly<Record<string, unknown>>;

export type RowRead =
  | { readonly type: 'blank' }
  | {
      readonly type: 'invalid';
      readonly row: number;
      readonly errors: readonly ImportRowError[];
      readonly uses: readonly ValueUse[];
    }
  | {
      readonly type: 'skip';
      readonly row: number;
      readonly skip: ImportSkip;
      readonly uses: readonly ValueUse[];
    }
  | {
      readonly type: 'record';
      readonly row: number;
      readonly values: FieldValues;
      /** Field → the file's text, for values we mapped (kept on the record as `importedValues`). */
      readonly imported: Readonly<Record<string, string>>;
      readonly uses: readonly ValueUse[];
    };

/** A row with nothing in it: skipped, and not counted (though it keeps its row number). */
export const isBlankRow = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/** A reference a cell makes, resolved or not, kept until the builder picks the first that names something. */
export type ImportReference = { readonly text: string; readonly found: Found };

class RowReader {
  readonly errors: ImportRowError[] = [];
  readonly uses: ValueUse[] = [];
  readonly values: Record<string, unknown> = {};
  readonly imported: Record<string, string> = {};

  constructor(
    private readonly mapping: ImportMapping,
    private readonly lookups: ImportLookups,
    private readonly row: number,
  ) {}

  fail(field: string, code: ImportErrorCode, message: string, column: string, value: string): void {
    this.errors.push({ row: this.row, field, code, message, column, value });
  }

  mapped(field: string, value: string, to: string | undefined, how: ValueUse['how']): void {
    this.uses.push(to === undefined ? { field, value, how } : { field, value, to, how });
    this.imported[field] = value;
  }

  chosen(field: string, text: string): string | undefined {
    return this.mapping.values[field]?.[text];
  }

  read(field: string, text: string, column: string): void {
    const kind = this.mapping.kind;
    const type = fieldType(kind, field);
    const order = this.mapping.dateOrder;
    switch (type) {
      case undefined:
      case 'derived':
        return;
      case 'id':
        if (idSchema.safeParse(text.trim()).success) this.values[field] = text.trim();
        else
          this.fail(
            field,
            'invalid-id',
            `${field} is not an id of ours (letters, digits, - and _).`,
            column,
            text,
          );
        return;
      case 'text':
      case 'name':
        this.values[field] = text;
        return;
      case 'email':
      case 'url':
        this.values[field] = text.trim();
        return;
      case 'industry': {
        const words = industryText(text);
        if (words !== text.trim()) this.mapped(field, text, words, 'synonym');
        this.values[field] = words;
        return;
      }
      case 'number':
      case 'percent': {
        const n = parseNumber(text);
        if (n === undefined || n < 0 || (type === 'percent' && n > 100))
          return this.fail(
            field,
            'invalid-number',
            `${field} is not a number${type === 'percent' ? ' from 0 to 100' : ''}.`,
            column,
            text,
          );
        this.values[field] = type === 'percent' ? Math.round(n) : n;
        return;
      }
      case 'integer': {
        const band = employeeBand(text);
        if (band) {
          // "51-200": a band, not a head count; an organisation keeps it as its size.
          this.values.employeeBand = band;
          this.imported[field] = text;
          return;
        }
        const n = parseNumber(text);
        if (n === undefined || n < 0 || !Number.isInteger(n))
          return this.fail(field, 'invalid-number', `${field} is not a whole number.`, column, text);
        this.values[field] = n;
        return;
      }
      case 'boolean': {
        const b = parseBoolean(text);
        if (b === undefined)
          return this.fail(field, 'invalid-boolean', `${field} is not yes or no.`, column, text);
        this.values[field] = b;
        return;
      }
      case 'date': {
        const d = parseDate(text, order);
        if (d === undefined) return this.fail(field, 'invalid-date', `${field} is not a date.`, column, text);
        this.values[field] = d;
        return;
      }
      case 'instant': {
        const at = parseInstant(text, order);
        if (at === undefined)
          return this.fail(field, 'invalid-date', `${field} is not a date.`, column, text);
        this.values[field] = at;
        return;
      }
      case 'currency': {
        const code = parseCurrency(text);
        if (code && currencySchema.safeParse(code).success) {
          this.values[field] = code;
          if (code !== text.trim()) this.mapped(field, text, code, 'synonym');
          return;
        }
        this.mapped(field, text, this.lookups.defaultCurrency, 'fallback');
        return;
      }
      case 'choice': {
        const table = CHOICES[kind][field];
        if (!table) return;
        const chosen = this.chosen(field, text);
        if (chosen !== undefined && isChoice(table, chosen)) {
          this.values[field] = chosen;
          return this.mapped(field, text, chosen, 'chosen');
        }
        const { value, how } = mapChoice(table, text);
        if (value !== undefined) this.values[field] = value;
        if (how !== 'exact') this.mapped(field, text, value, how);
        return;
      }
      case 'stage': {
        const chosen = this.chosen(field, text);
        if (chosen !== undefined && this.lookups.stages.some((s) => s.id === chosen)) {
          this.values[field] = chosen;
          return this.mapped(field, text, chosen, 'chosen');
        }
        const stage = mapStage(this.lookups.stages, text);
        if (stage.value !== undefined) this.values[field] = stage.value;
        if (stage.how !== 'exact') this.mapped(field, text, stage.value, stage.how);
        return;
      }
      case 'owner': {
        const chosen = this.chosen(field, text);
        if (chosen !== undefined && this.lookups.members.ids.has(chosen.toLowerCase())) {
          this.values[field] = chosen.toLowerCase();
          return this.mapped(field, text, chosen.toLowerCase(), 'chosen');
        }
        const member = findMember(this.lookups.members, text);
        if (member) this.values[field] = member;
        else this.mapped(field, text, undefined, 'fallback');
        return;
      }
      case 'campaign': {
        const chosen = this.chosen(field, text);
        if (chosen !== undefined && this.lookups.campaigns.ids.has(chosen)) {
          this.values.campaign = chosen;
          return this.mapped(field, text, chosen, 'chosen');
        }
        const found = findByName(this.lookups.campaigns, text);
        if ('id' in found) {
          // Our export names a campaign twice (its name and its id): the id wins.
          if (field === 'campaignId' || this.values.campaign === undefined) this.values.campaign = found.id;
        } else if (this.values.campaign === undefined) this.mapped(field, text, undefined, 'fallback');
        return;
      }
      case 'organisation':
      case 'contact': {
        const index = type === 'organisation' ? this.lookups.organisations : this.lookups.contacts;
        const how = field.endsWith('ExternalId') ? 'externalId' : field.endsWith('Id') ? 'id' : 'name';
        const key = type === 'organisation' ? normaliseOrganisationName : nameKey;
        const reference: ImportReference = { text, found: findReference(index, how, text, key) };
        this.values[field] = reference;
        return;
      }
      case 'values': {
        const kept = parseKeptValues(text);
        if (kept === undefined)
          return this.fail(field, 'invalid', `${field} is not an object of texts (JSON).`, column, text);
        this.values[field] = kept;
        return;
      }
      default: {
        const _exhaustive: never = type;
        return _exhaustive;
      }
    }
  }
}

function parseKeptValues(text: string): Record<string, string> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const entries = Object.entries(parsed as Record<string, unknown>);
    if (entries.length > 50 || !entries.every(([, v]) => typeof v === 'string' && v.length <= 1000))
      return undefined;
    return Object.fromEntries(entries) as Record<string, string>;
  } catch {
    return undefined;
  }
}

/**
 * One data row read through the mapping: every mapped cell parsed into our value, picklists mapped
 * (never refused: a synonym, else the fallback with the file's text kept), links looked up. Rows a
 * CRM marks deleted, and leads it converted, are skipped with why. `row` is the spreadsheet row.
 */
export function readImportRow(
  mapping: ImportMapping,
  lookups: ImportLookups,
  header: readonly string[],
  cells: readonly string[],
  row: number,
): RowRead {
  if (isBlankRow(cells)) return { type: 'blank' };
  const reader = new RowReader(mapping, lookups, row);
  const extra = cells.slice(mapping.columns.length).filter((c) => c.trim() !== '').length;
  if (extra > 0)
    reader.errors.push({
      row,
      field: '(row)',
      code: 'too-many-cells',
      message: `The row has ${extra} more cell(s) than the header names; check for an unquoted separator.`,
    });
  mapping.columns.forEach((field, i) => {
    if (!field) return;
    const text = unescapeFormula(cells[i] ?? '');
    if (text.trim() !== '') reader.read(field, text, header[i] ?? field);
  });
  const { values, uses } = reader;
  if (reader.errors.length > 0) return { type: 'invalid', row, errors: reader.errors, uses };
  const skip = skipOf(mapping.kind, values, row);
  if (skip) return { type: 'skip', row, skip, uses };
  return { type: 'record', row, values, imported: reader.imported, uses };
}

/**
 * What one cell of a field becomes, as a row would read it: our value and how it was found (`exact`
 * for our own words, or a value read without mapping). The preview lists each distinct value so.
 */
export function mapCell(
  mapping: ImportMapping,
  lookups: ImportLookups,
  field: string,
  text: string,
): { readonly to?: string; readonly how: ValueUse['how'] | 'exact' } {
  const reader = new RowReader(mapping, lookups, 0);
  reader.read(field, text, field);
  const use = reader.uses[0];
  if (use) return use.to === undefined ? { how: use.how } : { to: use.to, how: use.how };
  const value = reader.values[field === 'campaignId' ? 'campaign' : field];
  return typeof value === 'string' ? { to: value, how: 'exact' } : { how: 'exact' };
}

/** Rows the old system says are gone, and leads it converted (their records come in their own files). */
function skipOf(kind: ImportKind, values: FieldValues, row: number): ImportSkip | undefined {
  if (values.deleted === true || values.status === 'deleted')
    return { row, reason: 'deleted', message: 'The row is marked deleted in the file.' };
  if (kind !== 'lead') return undefined;
  const converted =
    values.converted === true ||
    values.status === 'closed-converted' ||
    (values.status === undefined && values.lifecycleStage === 'closed-converted');
  const ours = values.convertedOrganisationId !== undefined && values.convertedContactId !== undefined;
  if (!converted || ours) return undefined;
  return {
    row,
    reason: 'converted',
    message:
      'The lead was converted in the system it came from: import its organisation, contact and opportunity from their own files.',
  };
}
