/**
 * Validation against the official Teams JSON schemas that `@microsoft/app-manifest` ships, offline.
 * The package's own validator loads network helpers and ESM-only modules; we compile the same schema
 * files with the same engine and options it uses (ajv draft-04, formats uri/email/regex).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

export type SchemaKind = 'manifest' | 'localization';

const SCHEMA_FILES: Record<SchemaKind, string> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

const schemasDir = (): string =>
  join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

/** The manifest versions the installed schemas package knows, oldest first (`1.0` … `1.30`). */
export function knownManifestVersions(): string[] {
  const versions: string[] = [];
  for (let minor = 0; minor < 100; minor++) {
    if (existsSync(join(schemasDir(), `v1.${minor}`, SCHEMA_FILES.manifest))) versions.push(`1.${minor}`);
  }
  return versions;
}

const compiled = new Map<string, ValidateFunction>();

function validatorFor(kind: SchemaKind, manifestVersion: string): ValidateFunction {
  const key = `${kind}@${manifestVersion}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const file = join(schemasDir(), `v${manifestVersion}`, SCHEMA_FILES[kind]);
  if (!existsSync(file))
    throw new Error(`@microsoft/app-manifest has no ${kind} schema for ${manifestVersion}`);
  // unicodeRegExp off: the localization schema's key patterns are not valid under the `u` flag.
  const ajv = new AjvDraft04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
  compiled.set(key, validate);
  return validate;
}

/** Schema errors as readable lines (`/path message`); empty when the document is valid. */
export function schemaErrors(kind: SchemaKind, manifestVersion: string, document: unknown): string[] {
  const validate = validatorFor(kind, manifestVersion);
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => {
    const detail = error.keyword === 'additionalProperties' ? ` (${JSON.stringify(error.params)})` : '';
    return `${error.instancePath || '/'} ${error.message ?? error.keyword}${detail}`;
  });
}
