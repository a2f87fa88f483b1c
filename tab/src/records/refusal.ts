import { ApiError, errorMessage, problemLines } from '../api/api-error';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** One of the form's fields, as the user sees it: its label and the value they gave. */
export type FormFieldView = { readonly name: string; readonly label: string; readonly value?: string };

/** A refused save, as a form shows it. */
export type Refusal = {
  /** The sentence in the user's language (from the problem's code). */
  readonly failure: string;
  /** What the server said, point by point: "Done (Yes): only for tasks". */
  readonly lines: readonly string[];
  /** The reasons next to the form's own fields, by field name. */
  readonly fieldErrors: Readonly<Record<string, string>>;
};

/**
 * What the server said about a refused save, placed where the user looks: each reason next to the
 * field it is about (a path `regarding.id` belongs to the field `regarding`), and in the failure bar
 * with the field's label and the value given. Server failures (5xx) say only the sentence.
 */
export function refusalOf(error: unknown, t: Translate, fields: readonly FormFieldView[]): Refusal {
  const byName = new Map(fields.map((field) => [field.name, field]));
  const fieldOf = (path: string) => byName.get(path.split('.')[0] ?? path);
  const reasons = error instanceof ApiError && error.status < 500 ? (error.problem.reasons ?? {}) : {};
  const fieldErrors: Record<string, string> = {};
  for (const [path, reason] of Object.entries(reasons)) {
    const field = fieldOf(path);
    if (field) fieldErrors[field.name] ??= t('errors.refusedField', { reason });
  }
  return {
    failure: errorMessage(error, t),
    lines: problemLines(error, (path) => {
      const field = fieldOf(path);
      return field ? { label: field.label, ...(field.value ? { value: field.value } : {}) } : {};
    }),
    fieldErrors,
  };
}
