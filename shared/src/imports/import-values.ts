import { domainError } from '../common/domain-error';
import { err, ok, type Result } from '../common/result';
import { CHOICES } from './import-choices';
import { fieldType, type ImportKind } from './import-fields';
import type { ImportLookups } from './import-lookups';
import type { ImportMapping } from './import-mapping';

/** One of our values a file's value can be mapped to, with the label the workspace gives it (stages). */
export type ValueOption = { readonly value: string; readonly label?: string };

/**
 * The values a user may map a field's file values to: a picklist's ids, the workspace's stages, its
 * members or campaigns; undefined for a field that takes no value mapping (text, numbers, dates).
 */
export function valueOptions(
  kind: ImportKind,
  field: string,
  lookups: Pick<ImportLookups, 'stages' | 'members' | 'campaigns'>,
): readonly ValueOption[] | undefined {
  switch (fieldType(kind, field)) {
    case 'choice': {
      const table = CHOICES[kind][field];
      return table?.values.map((value) => ({ value }));
    }
    case 'stage':
      return lookups.stages.map((s) => (s.label ? { value: s.id, label: s.label } : { value: s.id }));
    case 'owner':
      return [...lookups.members.ids].map((value) => ({ value }));
    case 'campaign':
      return [...lookups.campaigns.ids].map((value) => ({ value }));
    default:
      return undefined;
  }
}

/**
 * A mapping's value answers checked against what the workspace has: each names a field that takes
 * one and a value of ours (`IMPORT.INVALID_MAPPING`, each wrong answer named as
 * `values.<field>.<file value>`, with the values allowed in `details.allowed`).
 */
export function checkValueMapping(
  kind: ImportKind,
  values: ImportMapping['values'],
  lookups: Pick<ImportLookups, 'stages' | 'members' | 'campaigns'>,
): Result<void> {
  const problems: Record<string, string> = {};
  const allowed: Record<string, string[]> = {};
  for (const [field, answers] of Object.entries(values)) {
    const options = valueOptions(kind, field, lookups);
    if (!options) {
      problems[`values.${field}`] = `${field} takes no value mapping`;
      continue;
    }
    const ours = new Set(options.map((o) => o.value));
    for (const [text, to] of Object.entries(answers)) {
      const wanted = fieldType(kind, field) === 'owner' ? to.toLowerCase() : to;
      if (ours.has(wanted)) continue;
      problems[`values.${field}.${text}`] = `"${to}" is not a ${field} of ours`;
      allowed[field] = options.map((o) => o.value);
    }
  }
  const wrong = Object.keys(problems);
  if (wrong.length === 0) return ok(undefined);
  return err(
    domainError(
      'IMPORT.INVALID_MAPPING',
      `The mapping gives values this workspace does not have: ${wrong.map((w) => `${w} (${problems[w]})`).join('; ')}.`,
      { fields: problems, details: { allowed } },
    ),
  );
}
