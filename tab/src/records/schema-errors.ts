import type { z } from 'zod';

/** Each field's first schema issue as a translation key, so forms speak the user's language. */
export function schemaErrors(issues: readonly z.core.$ZodIssue[]): Partial<Record<string, string>> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    errors[field] ??=
      issue.code === 'too_small'
        ? 'validation.required'
        : issue.code === 'too_big'
          ? 'validation.tooLong'
          : field === 'email'
            ? 'validation.email'
            : 'validation.invalid';
  }
  return errors;
}
