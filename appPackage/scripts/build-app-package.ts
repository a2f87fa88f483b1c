/**
 * Builds the Teams app package: fills the manifest's and language files' placeholders from an
 * environment's values, validates the filled files against the official schemas and Teams' other
 * rules, and zips them. Nothing is written here; `package.ts` writes the zip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { EnvValues } from './env-file';
import { schemaErrors } from './manifest-schema';
import { iconProblems, idProblems, languageFileProblems, referencedFiles } from './package-checks';
import { fillPlaceholders } from './placeholders';

export const MANIFEST_FILE = 'manifest.json';

export type AppPackage =
  { ok: true; files: Map<string, Uint8Array>; zip: Uint8Array } | { ok: false; problems: string[] };

type Json = Record<string, unknown>;

// A fixed timestamp keeps the zip byte-for-byte the same for the same inputs.
const ZIP_MTIME = new Date('2020-01-01T00:00:00Z');

/** Fills and parses one JSON file of the package; problems are prefixed with its name. */
function readFilledJson(path: string, name: string, values: EnvValues, problems: string[]): Json | undefined {
  const filled = fillPlaceholders(readFileSync(path, 'utf8'), values);
  if (!filled.ok) {
    problems.push(...filled.problems.map((problem) => `${name}: ${problem}`));
    return undefined;
  }
  try {
    return JSON.parse(filled.text) as Json;
  } catch (error) {
    problems.push(`${name}: not JSON (${(error as Error).message})`);
    return undefined;
  }
}

export function buildAppPackage(appDir: string, values: EnvValues): AppPackage {
  const problems: string[] = [];
  const manifest = readFilledJson(join(appDir, MANIFEST_FILE), MANIFEST_FILE, values, problems);
  if (!manifest) return { ok: false, problems };
  const version = String(manifest.manifestVersion);
  problems.push(...schemaErrors('manifest', version, manifest).map((error) => `${MANIFEST_FILE}: ${error}`));

  const files = new Map<string, Uint8Array>([
    [MANIFEST_FILE, Buffer.from(JSON.stringify(manifest, null, 2))],
  ]);
  for (const name of referencedFiles(manifest)) {
    const path = join(appDir, name);
    if (!existsSync(path)) {
      problems.push(`${name}: named in the manifest but missing`);
    } else if (name.endsWith('.json')) {
      const language = readFilledJson(path, name, values, problems);
      if (!language) continue;
      problems.push(...schemaErrors('localization', version, language).map((error) => `${name}: ${error}`));
      problems.push(...languageFileProblems(name, language, manifest));
      files.set(name, Buffer.from(JSON.stringify(language, null, 2)));
    } else {
      files.set(name, readFileSync(path));
    }
  }
  problems.push(...iconProblems(manifest, files), ...idProblems(manifest));
  if (problems.length > 0) return { ok: false, problems };

  const zip = zipSync(Object.fromEntries(files), { level: 9, mtime: ZIP_MTIME });
  return { ok: true, files, zip };
}
