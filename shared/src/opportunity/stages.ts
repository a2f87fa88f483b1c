import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import { parseInput } from '../common/validation';
import {
  DEFAULT_STAGES,
  LOST,
  WON,
  type Stage,
  type StageConfig,
  type StageId,
  type StageKind,
} from './stage';
import { StageConfigInputSchema, type StageInput } from './stage.schema';

const CLOSED_WON = DEFAULT_STAGES.find((s) => s.id === WON) as Stage;
const CLOSED_LOST = DEFAULT_STAGES.find((s) => s.id === LOST) as Stage;
/** Forecast categories an open stage may take; the closed ones are fixed. */
export const OPEN_FORECAST_CATEGORIES = ['pipeline', 'best-case', 'commit'] as const;
const OPEN_CATEGORIES: ReadonlySet<string> = new Set(OPEN_FORECAST_CATEGORIES);

export const findStage = (stages: StageConfig, id: StageId): Stage | undefined =>
  stages.find((s) => s.id === id);

/** Where a new opportunity starts unless told otherwise. Undefined only for an invalid config. */
export const firstOpenStage = (stages: StageConfig): Stage | undefined =>
  stages.find((s) => s.kind === 'open');

export const openStages = (stages: StageConfig): Stage[] => stages.filter((s) => s.kind === 'open');

export const isClosed = (stage: Pick<Stage, 'kind'>): boolean => isClosedKind(stage.kind);

/** The closed stages are fixed ids, so whether a deal is closed never depends on the current config. */
export const isClosedStageId = (id: StageId): boolean => id === WON || id === LOST;

export function isClosedKind(kind: StageKind): boolean {
  switch (kind) {
    case 'open':
      return false;
    case 'won':
    case 'lost':
      return true;
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}

const invalid = (message: string, fields: Record<string, string> = {}) =>
  err(domainError('WORKSPACE.INVALID_STAGES', message, { fields }));

/**
 * Checks a workspace's stage list. Owners send either their open stages only (the two fixed closed
 * stages are appended) or the whole list with closed-won and closed-lost last, unchanged but for a label.
 */
export function validateStageConfig(stages: unknown): Result<StageConfig> {
  const parsed = parseInput(StageConfigInputSchema, stages);
  if (!parsed.ok) {
    return invalid('The stages are not valid: ' + describeFields(parsed.error.fields), parsed.error.fields);
  }
  const input = parsed.value;
  const closedAt = input.flatMap((s, i) => (s.id === WON || s.id === LOST ? [i] : []));
  const open = closedAt.length === 0 ? input : input.slice(0, -2);
  if (closedAt.length > 0) {
    const fixed = checkClosedTail(input);
    if (!fixed.ok) return fixed;
  }
  if (open.length === 0) return invalid('There must be at least one open stage.');

  const seen = new Set<string>();
  const config: Stage[] = [];
  for (const [i, s] of open.entries()) {
    if (seen.has(s.id)) return invalid(`Stage id "${s.id}" is used twice.`, { [`${i}.id`]: 'duplicate id' });
    seen.add(s.id);
    if (s.kind !== undefined && s.kind !== 'open') {
      return invalid(`Stage "${s.id}" must be an open stage.`, { [`${i}.kind`]: 'must be open' });
    }
    if (!OPEN_CATEGORIES.has(s.forecastCategory)) {
      return invalid(`Open stage "${s.id}" must forecast as pipeline, best-case or commit.`, {
        [`${i}.forecastCategory`]: 'must be pipeline, best-case or commit',
      });
    }
    config.push(stage(s, 'open'));
  }
  const labelOf = (id: StageId) => input.find((s) => s.id === id)?.label;
  return ok([...config, withLabel(CLOSED_WON, labelOf(WON)), withLabel(CLOSED_LOST, labelOf(LOST))]);
}

function checkClosedTail(input: readonly StageInput[]): Result<void> {
  const won = input.at(-2);
  const lost = input.at(-1);
  if (
    won?.id !== WON ||
    lost?.id !== LOST ||
    input.filter((s) => s.id === WON || s.id === LOST).length !== 2
  ) {
    return invalid(`The closed stages must come last, "${WON}" then "${LOST}", once each.`);
  }
  for (const [given, fixed] of [
    [won, CLOSED_WON],
    [lost, CLOSED_LOST],
  ] as const) {
    const kindOk = given.kind === undefined || given.kind === fixed.kind;
    if (
      given.probability !== fixed.probability ||
      given.forecastCategory !== fixed.forecastCategory ||
      !kindOk
    ) {
      return invalid(
        `Stage "${fixed.id}" is fixed: probability ${fixed.probability}, forecast category ${fixed.forecastCategory}.`,
      );
    }
  }
  return ok(undefined);
}

const stage = (s: StageInput, kind: StageKind): Stage => ({
  id: s.id,
  ...(s.label ? { label: s.label } : {}),
  probability: s.probability,
  forecastCategory: s.forecastCategory,
  kind,
});

const withLabel = (s: Stage, label: string | undefined): Stage => (label ? { ...s, label } : s);

const describeFields = (fields: Readonly<Record<string, string>> | undefined): string =>
  Object.entries(fields ?? {})
    .map(([path, message]) => `${path}: ${message}`)
    .join('; ');

const ID_MAX = 40;
/** Letters NFD does not take apart into a base letter and a mark. */
const FOLDED: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', ß: 'ss', œ: 'oe', ł: 'l', đ: 'd' };

/**
 * The id of a stage an owner adds under a name ("Demo gegeven" → `demo-gegeven`): kebab-case ASCII
 * (ids travel in URLs, filters and Table keys), never one of `taken` nor a closed stage's. The name
 * stays the stage's label; the id never changes once saved.
 */
export function newStageId(label: string, taken: Iterable<StageId>): StageId {
  const used = new Set([...taken, WON, LOST]);
  const slug = label
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øæßœłđ]/g, (c) => FOLDED[c] ?? c)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const base = (slug || 'stage').slice(0, ID_MAX - 4).replace(/-+$/, '');
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
