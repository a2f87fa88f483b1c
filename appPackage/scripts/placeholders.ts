/**
 * The toolkit's `${{NAME}}` placeholders in the manifest and its language files. A placeholder with
 * no value, an empty value, or a secret's name is an error: the package is built for Teams to read.
 */
import type { EnvValues } from './env-file';

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export type FillResult = { ok: true; text: string } | { ok: false; problems: string[] };

export const placeholderNames = (text: string): string[] => [
  ...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '')),
];

/** Names whose empty value is what the product wants (an unsuffixed production app name). */
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);

export function fillPlaceholders(text: string, values: EnvValues): FillResult {
  const problems: string[] = [];
  for (const name of placeholderNames(text)) {
    const value = values.get(name);
    if (name.startsWith('SECRET_')) problems.push(`${name}: a secret cannot go into the app package`);
    else if (value === undefined) problems.push(`${name}: not set`);
    else if (value === '' && !MAY_BE_EMPTY.has(name)) problems.push(`${name}: empty (not provisioned yet?)`);
  }
  if (problems.length > 0) return { ok: false, problems };
  // Values are inserted into JSON strings, so they are escaped as JSON string content.
  const filled = text.replace(PLACEHOLDER, (_, name: string) =>
    JSON.stringify(values.get(name) ?? '').slice(1, -1),
  );
  return { ok: true, text: filled };
}
