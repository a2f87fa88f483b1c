/**
 * `npm run package:apps [-- [--keep-assets-from <live tab URL>] [out-dir]]`: one self-contained
 * artifact per process, for App Service's zip deploy with WEBSITE_RUN_FROM_PACKAGE=1 (docs/deploy.md).
 * Writes `<out-dir>/tab/` and `<out-dir>/bot/` (what teamsapp.yml uploads) and `<out-dir>/tab.zip`,
 * `<out-dir>/bot.zip` (for `az webapp deploy`). Default out-dir: build/apps. With
 * `--keep-assets-from`, the tab's artifact also carries the browser files the live tab serves now.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { APP_ARTIFACTS, type PackageOptions } from './deploy/app-artifacts';
import { buildArtifact, type BuiltArtifact } from './deploy/build-artifact';

const root = resolve(__dirname, '..');
/** Where teamsapp.yml's deploy steps pick the artifacts up, from the repository root. */
export const DEFAULT_OUT_DIR = 'build/apps';

export async function packageApps(outDir: string, options: PackageOptions = {}): Promise<BuiltArtifact[]> {
  await mkdir(outDir, { recursive: true });
  const built: BuiltArtifact[] = [];
  // One after the other: each build is CPU-bound and the machines have two cores.
  for (const artifact of APP_ARTIFACTS) built.push(await buildArtifact(artifact, root, outDir, options));
  return built;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export const describeArtifacts = (built: readonly BuiltArtifact[]): string =>
  built
    .map(
      (a) =>
        `${a.name}: ${a.zip} ${megabytes(a.zippedBytes)} zipped, ${megabytes(a.unpackedBytes)} unpacked, ${a.files} files`,
    )
    .join('\n');

if (require.main === module) {
  const { values, positionals } = parseArgs({
    options: { 'keep-assets-from': { type: 'string' } },
    allowPositionals: true,
  });
  const keepAssetsFrom = values['keep-assets-from'] || undefined; // an empty TAB_ENDPOINT: first deploy
  packageApps(resolve(positionals[0] ?? resolve(root, DEFAULT_OUT_DIR)), { keepAssetsFrom }).then(
    (built) => console.log(describeArtifacts(built)),
    (error: unknown) => {
      console.error('package:apps failed:', error);
      process.exit(1);
    },
  );
}
