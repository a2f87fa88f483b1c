/** Deterministic data for the benchmarks: leads as CSV rows, opportunities as records. */
import type { Lead } from '../shared/src/lead/lead';
import type { Opportunity } from '../shared/src/opportunity/opportunity';
import type { ImportFieldOf } from '../shared/src/imports/import-fields';
import { DEFAULT_STAGES } from '../shared/src/opportunity/stage';
import { COMPANY, FIRST, LAST, SUFFIX } from './bench-names';

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLE = [
  'Inkoper',
  'Diretor Comercial',
  'Daglig leder',
  'Eigenaar',
  'Gestor de Compras',
  'Innkjøpssjef',
];
const SOURCE = ['web', 'phone-inquiry', 'trade-show', 'event', 'customer-referral', ''];
/** A subset of a lead import's fields (IMPORT_FIELDS.lead), checked against them so a rename breaks the build. */
export const CSV_HEADER: ImportFieldOf<'lead'>[] = [
  'firstName',
  'lastName',
  'email',
  'company',
  'title',
  'phone',
  'source',
  'campaign',
];

const ascii = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();

/** CSV rows (CSV_HEADER's columns) of `count` leads; `tag` keeps emails unique across files. */
export function leadRows(count: number, seed: number, tag: string): string[][] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const [first, last, company] = [pick(FIRST), pick(LAST), `${pick(COMPANY)} ${pick(SUFFIX)}`];
    const email = `${ascii(first)}.${ascii(last)}.${tag}${i}@${ascii(company.split(' ')[0] ?? '')}.example`;
    const phone = `+${pick(['31', '351', '47'])} ${String(Math.floor(next() * 1e8)).padStart(8, '0')}`;
    return [first, last, email, company, pick(TITLE), phone, pick(SOURCE), ''];
  });
}

/** CSV rows of {@link leadRows} as open lead records owned by `ownerId`, as an import would store them. */
export function leadsFromRows(rows: string[][], ws: string, ownerId: string, newId: () => string): Lead[] {
  const at = '2026-11-22T10:00:00.000Z';
  return rows.map(
    ([firstName, lastName, email, company, title, phone, source]) =>
      ({
        id: newId(),
        workspaceId: ws,
        status: 'open-not-contacted',
        firstName,
        lastName,
        email,
        company,
        title,
        phone,
        source: source || 'other',
        ownerId,
        qualification: { budget: false, authority: false, need: false, timeline: false },
        createdAt: at,
        createdBy: ownerId,
        updatedAt: at,
        updatedBy: ownerId,
      }) as Lead,
  );
}

const DAY_MS = 86_400_000;

/** Opportunities spread over the default stages, amounts, close dates and last touches. */
export function opportunities(count: number, ws: string, newId: () => string): Opportunity[] {
  const next = random(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  // Dates relative to the run's day, so the share of stale deals is the same in every run.
  const base = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const daysBefore = (days: number) => new Date(base - Math.floor(days) * DAY_MS).toISOString();
  return Array.from({ length: count }, (_, i) => {
    const stage = pick(DEFAULT_STAGES);
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    // Moved within the last 90 days, created up to 60 days before; most worked on since, half with
    // a planned activity: the stale and no-next-step lists hold some deals, not all.
    const moved = next() * 90;
    const at = daysBefore(moved);
    const touched = next() < 0.6 ? { lastActivityAt: daysBefore(moved * next()) } : {};
    const planned =
      next() < 0.5
        ? {
            nextActivity: {
              id: `bench-activity-${i}`,
              type: 'call' as const,
              subject: 'Follow up',
              dueAt: new Date(base + Math.floor(next() * 30) * DAY_MS).toISOString(),
            },
          }
        : {};
    const closed =
      stage.kind === 'won'
        ? { closedAt: at }
        : stage.kind === 'lost'
          ? { closedAt: at, lostReason: 'Price' }
          : {};
    return {
      ...touched,
      ...planned,
      ...closed,
      id: newId(),
      workspaceId: ws,
      name: `${pick(COMPANY)} ${pick(SUFFIX)} – ${pick(['licenses', 'renewal', 'pilot', 'expansion'])}`,
      organisationId: 'org-bench',
      amount: Math.round(next() * 100_000),
      currency: pick(['EUR', 'EUR', 'NOK', 'BRL']),
      ownerId: 'bench-user',
      stage: stage.id,
      probability: stage.probability,
      probabilityOverridden: false,
      forecastCategory: stage.forecastCategory,
      stageChangedAt: at,
      closeDate: `2027-${month}-15`,
      createdAt: daysBefore(moved + next() * 60),
      createdBy: 'bench-user',
      updatedAt: at,
      updatedBy: 'bench-user',
    } as Opportunity;
  });
}

export const percentile = (samples: readonly number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
