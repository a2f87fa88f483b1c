import type { Qualification } from './lead';
import type { QualificationPatch } from './lead.schema';

export type QualificationAssessment = {
  /** How many of budget, authority, need and timeline are met (0–4). */
  readonly criteriaMet: number;
  /** Budget and timeline both met: the Portuguese source's minimum for a real chance of a sale. */
  readonly meetsMinimum: boolean;
};

/** Advisory only: the team decides whether to convert, so this never blocks a conversion. */
export function assessQualification(q: Qualification): QualificationAssessment {
  const criteriaMet = [q.budget, q.authority, q.need, q.timeline].filter(Boolean).length;
  return { criteriaMet, meetsMinimum: q.budget && q.timeline };
}

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
