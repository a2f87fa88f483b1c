import type { Qualification } from './lead';
import type { QualificationPatch } from './lead.schema';

/** Criteria left out keep their value; `notes: null` clears the notes. */
export function mergeQualification(
  current: Qualification,
  patch: QualificationPatch | undefined,
): Qualification {
  if (!patch) return current;
  const notes = patch.notes === undefined ? current.notes : (patch.notes ?? undefined);
  return {
    budget: patch.budget ?? current.budget,
    authority: patch.authority ?? current.authority,
    need: patch.need ?? current.need,
    timeline: patch.timeline ?? current.timeline,
    ...(notes !== undefined ? { notes } : {}),
  };
}

export const sameQualification = (a: Qualification, b: Qualification): boolean =>
  a.budget === b.budget &&
  a.authority === b.authority &&
  a.need === b.need &&
  a.timeline === b.timeline &&
  a.notes === b.notes;
