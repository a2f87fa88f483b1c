/**
 * The toolkit's environment files (`env/.env.<env>`, then `env/.env.<env>.user` for secrets), read the
 * way the toolkit reads them: `NAME=value` lines, `#` comments, optional quotes around the value.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type EnvValues = ReadonlyMap<string, string>;

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

const unquote = (raw: string): string => {
  const quoted = /^(["'])(.*)\1$/.exec(raw);
  if (quoted) return quoted[2] ?? '';
  // An unquoted value ends at a comment that follows whitespace.
  return raw.replace(/\s+#.*$/, '');
};

export function parseEnvFile(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) continue;
    const match = LINE.exec(line);
    if (match?.[1] !== undefined) values.set(match[1], unquote(match[2] ?? ''));
  }
  return values;
}

/** The environment's values; `.user` overrides, as in the toolkit. Throws if `.env.<env>` is missing. */
export function loadEnvironment(envDir: string, envName: string): EnvValues {
  if (!/^[A-Za-z0-9-]+$/.test(envName)) throw new Error(`not an environment name: "${envName}"`);
  const file = join(envDir, `.env.${envName}`);
  if (!existsSync(file)) throw new Error(`no environment "${envName}": ${file} does not exist`);
  const values = parseEnvFile(readFileSync(file, 'utf8'));
  const userFile = `${file}.user`;
  if (existsSync(userFile)) {
    for (const [name, value] of parseEnvFile(readFileSync(userFile, 'utf8'))) values.set(name, value);
  }
  return values;
}
