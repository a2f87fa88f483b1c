/**
 * `npm run package:apps [out-dir]`: one self-contained artifact per process, for App Service's zip
 * deploy with WEBSITE_RUN_FROM_PACKAGE=1 (docs/deploy.md). Writes `<out-dir>/tab/` and `<out-dir>/bot/`
 * (what teamsapp.yml uploads) and `<out-dir>/tab.zip`, `<out-dir>/bot.zip` (for `az webapp deploy`).
 * Default out-dir: build/apps.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { APP_ARTIFACTS } from './deploy/app-artifacts';
import { buildArtifact, type BuiltArtifact } from './deploy/build-artifact';

const root = resolve(__dirname, '..');
/** Where teamsapp.yml's deploy steps pick the artifacts up, from the repository root. */
export const DEFAULT_OUT_DIR = 'build/apps';

export async function packageApps(outDir: string): Promise<BuiltArtifact[]> {
  await mkdir(outDir, { recursive: true });
  const built: BuiltArtifact[] = [];
  // One after the other: each build is CPU-bound and the machines have two cores.
  for (const artifact of APP_ARTIFACTS) built.push(await buildArtifact(artifact, root, outDir));
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
  packageApps(resolve(process.argv[2] ?? resolve(root, DEFAULT_OUT_DIR))).then(
    (built) => console.log(describeArtifacts(built)),
    (error: unknown) => {
      console.error('package:apps failed:', error);
      process.exit(1);
    },
  );
}
