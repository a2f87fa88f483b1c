import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import {
  GUARDED_OPTIONAL,
  SERVER_FILE,
  START_COMMAND,
  type AppArtifact,
  type PackageOptions,
} from './app-artifacts';
import { runtimeLockfile, type Lockfile } from './runtime-lockfile';
import { filesUnder, zipFolder } from './zip-folder';

export type BuiltArtifact = {
  readonly name: string;
  /** The unpacked artifact: what App Service runs from /home/site/wwwroot. */
  readonly dir: string;
  /** The same, zipped for zip deploy (WEBSITE_RUN_FROM_PACKAGE=1). */
  readonly zip: string;
  readonly files: number;
  readonly unpackedBytes: number;
  readonly zippedBytes: number;
};

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
const packageOf = (path: string): string =>
  path
    .split('/')
    .slice(0, path.startsWith('@') ? 2 : 1)
    .join('/');

/** Every import esbuild left outside the bundle must be Node's own, shipped, or allowed to be absent. */
export function checkUnbundled(metafile: Metafile, artifact: AppArtifact): void {
  const allowed = new Set([
    ...artifact.runtimeDependencies,
    ...artifact.developmentOnly,
    ...GUARDED_OPTIONAL,
  ]);
  const unexpected = new Set<string>();
  // The output's imports: the inputs' also list type-only imports that the bundle dropped.
  for (const output of Object.values(metafile.outputs))
    for (const imported of output.imports)
      if (imported.external && !isBuiltin(imported.path) && !allowed.has(packageOf(imported.path)))
        unexpected.add(packageOf(imported.path));
  if (unexpected.size > 0) {
    throw new Error(
      `${artifact.name}: the server bundle needs ${[...unexpected].join(', ')}, which the artifact would not have`,
    );
  }
}

/** Installs the packages that cannot be bundled, at the versions package-lock.json holds. */
async function installRuntimeDependencies(artifact: AppArtifact, dir: string, root: string) {
  const manifest = {
    name: `pipeline-crm-${artifact.name}`,
    private: true,
    description: `Pipeline CRM's ${artifact.name}, as App Service runs it (built by npm run package:apps).`,
    engines: { node: '>=22.12' },
    scripts: { start: START_COMMAND },
    dependencies: {} as Record<string, string>,
  };
  if (artifact.runtimeDependencies.length > 0) {
    const lock = JSON.parse(await readFile(join(root, 'package-lock.json'), 'utf8')) as Lockfile;
    const pruned = runtimeLockfile(lock, manifest.name, artifact.runtimeDependencies);
    manifest.dependencies = pruned.dependencies;
    await writeFile(join(dir, 'package-lock.json'), `${JSON.stringify(pruned.lockfile, null, 2)}\n`);
  }
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  if (artifact.runtimeDependencies.length === 0) return;
  // No install scripts, no .bin symlinks (zip deploy keeps neither well).
  await promisify(execFile)(
    'npm',
    ['ci', '--omit=dev', '--ignore-scripts', '--no-bin-links', '--no-audit', '--no-fund'],
    { cwd: dir },
  );
}

/**
 * Builds one artifact into a fresh folder, then swaps it in for `<outDir>/<name>` and zips it:
 * nothing from an earlier build or a local tab/dist can end up in it.
 */
export async function buildArtifact(
  artifact: AppArtifact,
  root: string,
  outDir: string,
  options: PackageOptions = {},
): Promise<BuiltArtifact> {
  const staging = await mkdtemp(join(outDir, `.${artifact.name}-`));
  const dir = join(outDir, artifact.name);
  const zip = join(outDir, `${artifact.name}.zip`);
  try {
    const bundled = await build({
      entryPoints: [join(root, artifact.entry)],
      outfile: join(staging, SERVER_FILE),
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      // Not minified: stack traces in App Service's log stream stay readable, for ~40% more bytes.
      legalComments: 'none',
      // The artifact is production whatever the host sets (the tab then never builds on demand).
      define: { 'process.env.NODE_ENV': '"production"' },
      external: [...artifact.runtimeDependencies, ...artifact.developmentOnly],
      metafile: true,
      logLevel: 'error',
    });
    checkUnbundled(bundled.metafile, artifact);
    await artifact.addExtras?.(staging, options);
    await installRuntimeDependencies(artifact, staging, root);
    await rm(dir, { recursive: true, force: true });
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await zipFolder(dir, zip);
  const files = await filesUnder(dir);
  const sizes = await Promise.all(files.map(async (file) => (await stat(join(dir, file))).size));
  return {
    name: artifact.name,
    dir,
    zip,
    files: files.length,
    unpackedBytes: sizes.reduce((sum, size) => sum + size, 0),
    zippedBytes: (await stat(zip)).size,
  };
}
