import type { z } from 'zod';
import { domainError } from './domain-error';
import { err, ok, type Result } from './result';

/** Parses untrusted input; failures become VALIDATION.FAILED with one message per field path. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.') || '(body)';
    fields[path] ??= issue.message;
  }
  return err(domainError('VALIDATION.FAILED', 'The input is not valid.', { fields }));
}
