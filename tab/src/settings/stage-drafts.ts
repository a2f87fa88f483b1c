import {
  newStageId,
  StageConfigInputSchema,
  validateStageConfig,
  type ForecastCategory,
  type Stage,
  type StageInput,
  type StageKind,
} from '@crm/shared';

/**
 * A stage as the settings form edits it. `id` is absent until a new stage is saved (the server keeps
 * ids for ever, so one is made from the name only then); `key` is stable for React and focus.
 */
export type StageDraft = {
  readonly key: string;
  readonly id?: string;
  /** What the name field shows: the workspace's label, or the translated default name. */
  readonly name: string;
  readonly probability: string;
  readonly forecastCategory: ForecastCategory;
  readonly kind: StageKind;
};

export const draftsOf = (stages: readonly Stage[], defaultName: (id: string) => string): StageDraft[] =>
  stages.map((s) => ({
    key: s.id,
    id: s.id,
    name: s.label ?? defaultName(s.id),
    probability: String(s.probability),
    forecastCategory: s.forecastCategory,
    kind: s.kind,
  }));

const isOpen = (draft: StageDraft) => draft.kind === 'open';

/** Moves an open stage one place up (-1) or down (+1) among the open ones; closed stages stay last. */
export function moveDraft(drafts: readonly StageDraft[], index: number, delta: -1 | 1): StageDraft[] {
  const target = index + delta;
  const [a, b] = [drafts[index], drafts[target]];
  if (!a || !b || !isOpen(a) || !isOpen(b)) return [...drafts];
  const next = [...drafts];
  next[index] = b;
  next[target] = a;
  return next;
}

/** A new open stage after the last open one, weighted like it until the owner says otherwise. */
export function addDraft(drafts: readonly StageDraft[], name: string, key: string): StageDraft[] {
  const openCount = drafts.filter(isOpen).length;
  const last = drafts[openCount - 1];
  const added: StageDraft = {
    key,
    name: name.trim(),
    probability: last?.probability ?? '10',
    forecastCategory: last?.forecastCategory ?? 'pipeline',
    kind: 'open',
  };
  return [...drafts.slice(0, openCount), added, ...drafts.slice(openCount)];
}

export const removeDraft = (drafts: readonly StageDraft[], index: number): StageDraft[] =>
  drafts.filter((d, i) => i !== index || !isOpen(d));

/** Saved stages the drafts no longer hold. */
export const removedStages = (stages: readonly Stage[], drafts: readonly StageDraft[]): Stage[] =>
  stages.filter((s) => !drafts.some((d) => d.id === s.id));

const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * The stage list to send: new stages get an id from their name; a name equal to the translated
 * default is no label at all (so it keeps following the reader's language).
 */
export function stagesInput(
  drafts: readonly StageDraft[],
  defaultName: (id: string) => string,
): StageInput[] {
  const ids: string[] = drafts.flatMap((d) => (d.id ? [d.id] : []));
  return drafts.map((d) => {
    const id = d.id ?? newStageId(d.name, ids);
    if (!d.id) ids.push(id);
    const name = d.name.trim();
    return {
      id,
      ...(name && name !== defaultName(id) ? { label: name } : {}),
      probability: toNumber(d.probability),
      forecastCategory: d.forecastCategory,
      kind: d.kind,
    };
  });
}

export type StageErrors = Partial<Record<string, string>>;

/**
 * Checks the drafts with the shared schema and stage rules; errors are translation keys by
 * `<index>.name` / `<index>.probability`, or `stages` for the list as a whole.
 */
export function stageErrors(drafts: readonly StageDraft[], input: readonly StageInput[]): StageErrors {
  const errors: StageErrors = {};
  drafts.forEach((d, i) => {
    if (!d.name.trim()) errors[`${i}.name`] = 'validation.required';
  });
  const parsed = StageConfigInputSchema.safeParse(input);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [index, field] = issue.path;
    if (typeof index !== 'number') errors.stages ??= 'settings.stagesInvalid';
    else if (field === 'probability') errors[`${index}.probability`] ??= 'settings.probabilityRange';
    else if (field === 'label') errors[`${index}.name`] ??= 'validation.tooLong';
    else errors.stages ??= 'settings.stagesInvalid';
  }
  if (Object.keys(errors).length === 0 && !validateStageConfig(input).ok)
    errors.stages = 'settings.stagesInvalid';
  return errors;
}
