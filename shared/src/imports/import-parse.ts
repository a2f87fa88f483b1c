import type { Instant, IsoDate } from '../common/types';
import { headerKey } from './import-headers';

/**
 * Cell text → our values, as the three CRMs and spreadsheets in our users' countries write them.
 * Each returns undefined for text it cannot read (the row reports it with the value).
 */

/**
 * "1234.5", "1,234.50", "1.234,50", "€ 1.234,50", "R$ 1.234,50", "$1,234", "1 234,5", "1'234.5", "12%".
 * With both separators the later one is the decimal mark; with one kind only, a single separator
 * followed by exactly three digits groups thousands ("1,234" and "1.234" are 1234), anything else is
 * the decimal mark ("1,5" is 1.5).
 */
export function parseNumber(text: string): number | undefined {
  let t = text
    .trim()
    .replace(/^\((.*)\)$/, '-$1')
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/^(-?)(?:[A-Za-z]{1,3}\$|[A-Za-z]{3}|[$€£¥]|kr\.?)/i, '$1')
    .replace(/(?:[A-Za-z]{3}|[$€£¥%]|kr\.?)$/i, '');
  if (!/^-?[\d.,]+$/.test(t) || !/\d/.test(t)) return undefined;
  const lastComma = t.lastIndexOf(',');
  const lastDot = t.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    t = t.split(group).join('');
    if (t.split(decimal).length > 2) return undefined;
    t = t.replace(decimal, '.');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const mark = lastComma >= 0 ? ',' : '.';
    const parts = t.split(mark);
    const grouped =
      parts.length > 2 ||
      (parts.length === 2 &&
        /^\d{3}$/.test(parts[1] ?? '') &&
        parts[0] !== '' &&
        parts[0] !== '-' &&
        parts[0] !== '0' &&
        parts[0] !== '-0');
    if (grouped) {
      if (!parts.slice(1).every((p) => /^\d{3}$/.test(p))) return undefined;
      t = parts.join('');
    } else {
      t = parts.join('.');
    }
  }
  const value = Number(t);
  return Number.isFinite(value) ? value : undefined;
}

/** Which comes first in a date written with `/`: day (Europe, Brazil) or month (United States). */
export type DateOrder = 'dmy' | 'mdy';

type DateParts = { year: number; month: number; day: number; time?: string | undefined };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function validDate({ year, month, day }: DateParts): boolean {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const MONTHS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    ['jan', 'january', 'januari', 'janeiro', 'januar'],
    ['feb', 'february', 'februari', 'fevereiro', 'fev', 'februar'],
    ['mar', 'march', 'maart', 'mrt', 'março', 'marco', 'mars'],
    ['apr', 'april', 'abril', 'abr'],
    ['may', 'mei', 'maio', 'mai'],
    ['jun', 'june', 'juni', 'junho'],
    ['jul', 'july', 'juli', 'julho'],
    ['aug', 'august', 'augustus', 'agosto', 'ago'],
    ['sep', 'sept', 'september', 'setembro', 'set'],
    ['oct', 'october', 'oktober', 'okt', 'outubro', 'out'],
    ['nov', 'november', 'novembro'],
    ['dec', 'december', 'dezembro', 'dez', 'des', 'desember'],
  ].flatMap((names, i) => names.map((name) => [headerKey(name), i + 1] as const)),
);

/**
 * The date (and the time, if written) of a cell: ISO 8601 (`2026-11-22`, `2026-11-22T10:00:00Z`,
 * the Data Export's `2026-11-22T10:00:00.000+0000`), Pipedrive's and HubSpot's `2026-11-22 10:00[:00]`,
 * Salesforce report dates in the user's locale (`11/22/2026`, `22/11/2026`, `22.11.2026`,
 * `22-11-2026`, with `10:00 AM` or `10:00` after), and `22 Nov 2026` / `Nov 22, 2026`. `/` dates
 * follow `order`; a value that cannot be read in that order but can in the other (day 13 or more
 * first) is read in the other. `.` and `-` day-first dates are always day first.
 */
function dateParts(text: string, order: DateOrder): DateParts | undefined {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s](.+))?$/.exec(t);
  if (m) return { year: +m[1]!, month: +m[2]!, day: +m[3]!, time: m[4] };
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(.+))?$/.exec(t);
  if (m) return { year: +m[1]!, month: +m[2]!, day: +m[3]!, time: m[4] };
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4}),?(?:\s+(.+))?$/.exec(t);
  if (m) {
    const a = +m[1]!;
    const b = +m[3]!;
    const year = m[4]!.length === 2 ? 2000 + +m[4]! : +m[4]!;
    const monthFirst = m[2] === '/' && (order === 'mdy' ? b <= 31 && a <= 12 : a <= 12 && b > 12);
    return monthFirst ? { year, month: a, day: b, time: m[5] } : { year, month: b, day: a, time: m[5] };
  }
  m = /^(\d{1,2})[\s.-]+([\p{L}]+)\.?[\s.-]+(\d{4})(?:,?\s+(.+))?$/u.exec(t);
  if (m && MONTHS[headerKey(m[2]!)])
    return { year: +m[3]!, month: MONTHS[headerKey(m[2]!)]!, day: +m[1]!, time: m[4] };
  m = /^([\p{L}]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(.+))?$/u.exec(t);
  if (m && MONTHS[headerKey(m[1]!)])
    return { year: +m[3]!, month: MONTHS[headerKey(m[1]!)]!, day: +m[2]!, time: m[4] };
  return undefined;
}

/** A calendar date; a time after it is allowed and dropped. */
export function parseDate(text: string, order: DateOrder = 'mdy'): IsoDate | undefined {
  const parts = dateParts(text, order);
  if (!parts || !validDate(parts)) return undefined;
  if (parts.time !== undefined && clock(parts.time) === undefined) return undefined;
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
}

/** `10:00`, `10:00:05.123`, `10:00 PM`, with `Z`, `+01:00` or `+0100`; no zone is UTC. */
function clock(time: string): { h: number; m: number; s: number; ms: number; offsetMin: number } | undefined {
  const m =
    /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(AM|PM|a\.m\.|p\.m\.)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i.exec(
      time.trim(),
    );
  if (!m) return undefined;
  let h = +m[1]!;
  const meridiem = m[5]?.toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  const min = +m[2]!;
  const s = m[3] ? +m[3] : 0;
  if (h > 23 || min > 59 || s > 59) return undefined;
  const ms = m[4] ? Math.round(+`0.${m[4]}` * 1000) : 0;
  const zone = m[6]?.toUpperCase();
  let offsetMin = 0;
  if (zone && zone !== 'Z' && zone !== 'UTC' && zone !== 'GMT') {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (!z) return undefined;
    offsetMin = (z[1] === '-' ? -1 : 1) * (+z[2]! * 60 + +z[3]!);
  }
  return { h, m: min, s, ms: Math.min(ms, 999), offsetMin };
}

/** An instant (UTC); a date alone is its midnight UTC. */
export function parseInstant(text: string, order: DateOrder = 'mdy'): Instant | undefined {
  const parts = dateParts(text, order);
  if (!parts || !validDate(parts)) return undefined;
  const time = parts.time === undefined ? { h: 0, m: 0, s: 0, ms: 0, offsetMin: 0 } : clock(parts.time);
  if (!time) return undefined;
  const ms =
    Date.UTC(parts.year, parts.month - 1, parts.day, time.h, time.m, time.s, time.ms) -
    time.offsetMin * 60_000;
  return new Date(ms).toISOString();
}

/**
 * The order `/` dates in these samples are written in: day first once any first part is above 12,
 * month first once any second part is; undefined when every sample reads both ways.
 */
export function detectDateOrder(samples: Iterable<string>): DateOrder | undefined {
  for (const text of samples) {
    const m = /^\s*(\d{1,2})\/(\d{1,2})\/\d{2,4}/.exec(text);
    if (!m) continue;
    if (+m[1]! > 12) return 'dmy';
    if (+m[2]! > 12) return 'mdy';
  }
  return undefined;
}

const TRUE = new Set([
  'true',
  'yes',
  'y',
  '1',
  'x',
  'ja',
  'j',
  'sim',
  's',
  'waar',
  'verdadeiro',
  'sann',
  'checked',
]);
const FALSE = new Set([
  'false',
  'no',
  'n',
  '0',
  'nee',
  'nao',
  'nei',
  'onwaar',
  'falso',
  'usann',
  'unchecked',
]);

/** Yes or no in any of our languages (and 1/0, x, true/false); undefined when neither. */
export function parseBoolean(text: string): boolean | undefined {
  const key = headerKey(text);
  if (TRUE.has(key)) return true;
  if (FALSE.has(key)) return false;
  return undefined;
}

const CURRENCY_SIGNS: Readonly<Record<string, string>> = {
  '€': 'EUR',
  $: 'USD',
  US$: 'USD',
  '£': 'GBP',
  R$: 'BRL',
  '¥': 'JPY',
  kr: 'NOK',
};

/** An ISO 4217 code, or a sign that names one ("€", "R$"); upper case; undefined otherwise. */
export function parseCurrency(text: string): string | undefined {
  const t = text.trim();
  if (/^[A-Za-z]{3}$/.test(t)) return t.toUpperCase();
  return CURRENCY_SIGNS[t] ?? CURRENCY_SIGNS[t.toLowerCase()];
}

/** A whole name in one cell: "Last, First" or "First Middle Last" (the last word is the last name). */
export function splitName(text: string): { firstName?: string; lastName: string } {
  const t = text.trim().replace(/\s+/g, ' ');
  const comma = t.indexOf(',');
  if (comma > 0) {
    const last = t.slice(0, comma).trim();
    const first = t.slice(comma + 1).trim();
    return first ? { firstName: first, lastName: last } : { lastName: last };
  }
  const cut = t.lastIndexOf(' ');
  return cut > 0 ? { firstName: t.slice(0, cut), lastName: t.slice(cut + 1) } : { lastName: t };
}

/** HubSpot's enumerated industries (`COMPUTER_SOFTWARE`) as words ("Computer Software"); other text as written. */
export function industryText(text: string): string {
  const t = text.trim();
  if (!/^[A-Z0-9]+(?:_[A-Z0-9]+)+$/.test(t)) return t;
  return t
    .split('_')
    .map((w) => (w === 'AND' ? 'and' : w.charAt(0) + w.slice(1).toLowerCase()))
    .join(' ');
}

/** "51-200", "201 – 500", "10,001+", "5000+": a head-count band, not a number. */
export function employeeBand(text: string): { from: number; to?: number } | undefined {
  const m = /^\s*([\d.,]+)\s*(?:[-–]\s*([\d.,]+)|(\+))\s*$/.exec(text);
  if (!m) return undefined;
  const from = parseNumber(m[1]!);
  const to = m[2] === undefined ? undefined : parseNumber(m[2]);
  if (from === undefined || (m[2] !== undefined && to === undefined)) return undefined;
  return to === undefined ? { from } : { from, to };
}
