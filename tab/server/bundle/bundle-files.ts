/**
 * What a built browser bundle is made of. Apart from build-bundle.ts so that the server can read it
 * without loading esbuild (the deployed server has no esbuild).
 *
 * Every script and chunk is named by its content hash (`app-<hash>.js`, `SettingsView-<hash>.js`), so
 * a name never changes meaning: browsers may keep them for a year. The manifest, written last, says
 * which file the HTML shell links and which files the build before it had, which stay served for the
 * tabs still running that build (docs/deploy.md, "The deploy artifacts").
 */
export const BUNDLE_MANIFEST = 'bundle.json';

export type BundleManifest = {
  /** The entry module the HTML shell links. */
  readonly script: string;
  /** Every file of this build (script, chunks, source maps). */
  readonly files: readonly string[];
  /** The chunks the first screen needs at once, linked from the shell as `modulepreload` (see BuiltBundle). */
  readonly preload: readonly string[];
  /** What the pages Teams opens preload besides (see BuiltBundle). */
  readonly teamsPreload: readonly string[];
  /** Files of the build before this one that this build does not have: kept, then dropped by the next. */
  readonly previous: readonly string[];
};

/** esbuild's `[hash]`: eight characters of base32 (A–Z, 2–7) before the extension (and a map or compressed copy's). */
const HASHED = /-[A-Z2-7]{8}\.js(\.map|\.br|\.gz)?$/;

/** A file named by its content (immutable: cached for a year) rather than a fixed name. */
export const isContentHashed = (file: string): boolean => HASHED.test(file);

/** Reads a manifest's JSON, refusing anything that is not one. */
export function parseManifest(text: string): BundleManifest {
  const value = JSON.parse(text) as Partial<BundleManifest>;
  const names = (list: unknown): list is string[] =>
    Array.isArray(list) && list.every((name) => typeof name === 'string' && /^\w[\w.-]*$/.test(name));
  // A manifest written before preloading existed has none: its shell simply preloads nothing.
  const preload = value.preload ?? [];
  const teamsPreload = value.teamsPreload ?? [];
  if (
    typeof value.script !== 'string' ||
    !names(value.files) ||
    !names(value.previous) ||
    !names(preload) ||
    !names(teamsPreload)
  )
    throw new Error(`${BUNDLE_MANIFEST} is not a bundle manifest`);
  const files = value.files;
  if (![value.script, ...preload, ...teamsPreload].every((file) => files.includes(file)))
    throw new Error(`${BUNDLE_MANIFEST} names a script it does not list`);
  return { script: value.script, files, preload, teamsPreload, previous: value.previous };
}
