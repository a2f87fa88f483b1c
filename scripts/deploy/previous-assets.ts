import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { nextManifest, writeManifest } from '../../tab/server/bundle/browser-bundle';
import { BUNDLE_MANIFEST, parseManifest, type BundleManifest } from '../../tab/server/bundle/bundle-files';
import type { BuiltBundle } from '../../tab/server/bundle/build-bundle';

/**
 * The tab's artifact keeps the browser files of the build it replaces. App Service's zip deploy
 * (run from package) replaces wwwroot whole, so a tab opened before the deploy would ask the new
 * build for chunks only the old one had. Before the new zip is made, the files the live tab serves
 * (its `/assets/bundle.json`) are downloaded into it and listed as `previous`; the deploy after drops
 * them. Without a live tab (the first deploy, or one that predates the manifest) nothing is kept,
 * and `log` says why.
 */
export async function keepPreviousAssets(
  from: string | undefined,
  dir: string,
  built: BuiltBundle,
  log: (line: string) => void,
): Promise<BundleManifest> {
  const kept = from ? await downloadPrevious(from, dir, built, log) : [];
  const manifest = nextManifest(built, kept);
  await writeManifest(dir, manifest);
  return manifest;
}

async function downloadPrevious(
  from: string,
  dir: string,
  built: BuiltBundle,
  log: (line: string) => void,
): Promise<string[]> {
  const base = `${from.replace(/\/+$/, '')}/assets/`;
  let live: BundleManifest;
  try {
    const answer = await fetch(base + BUNDLE_MANIFEST, { signal: AbortSignal.timeout(30_000) });
    if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
    live = parseManifest(await answer.text());
  } catch (error) {
    log(`package:apps: keeps no previous browser files: ${base}${BUNDLE_MANIFEST}: ${String(error)}`);
    return [];
  }
  const current = new Set(built.files);
  // Source maps are not deployed; a file both builds have is already there.
  const wanted = live.files.filter((file) => !file.endsWith('.map') && !current.has(file));
  const kept: string[] = [];
  for (const file of wanted) {
    const answer = await fetch(base + file, { signal: AbortSignal.timeout(30_000) });
    // A file the live tab lists but cannot serve cannot be kept: fail rather than ship a build that
    // breaks the pages still open.
    if (!answer.ok) throw new Error(`package:apps: ${base}${file} answered HTTP ${answer.status}`);
    await writeFile(join(dir, file), Buffer.from(await answer.arrayBuffer()));
    kept.push(file);
  }
  log(`package:apps: keeps ${kept.length} browser files of the live build (${live.script}) from ${from}`);
  return kept;
}
