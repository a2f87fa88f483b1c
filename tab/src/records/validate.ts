import type { ZodType } from 'zod';
import { issueKey } from './form-field';

export type Validation =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly errors: Partial<Record<string, string>> };

/** Checks input with the server's own schema; each field's first issue becomes a translation key. */
export function validateWith(schema: ZodType, input: Record<string, unknown>): Validation {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: input };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    // A required field left blank is absent from the input: zod calls that a type error.
    const missing = issue.code === 'invalid_type' && input[field] === undefined;
    errors[field] ??= missing ? 'validation.required' : issueKey(issue.code, field);
  }
  return { ok: false, errors };
}
