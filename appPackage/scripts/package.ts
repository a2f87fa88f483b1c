/**
 * `npm run package -- <env>` (default `local`): builds appPackage/build/appPackage.<env>.zip from
 * env/.env.<env> (and .env.<env>.user). Only those files are read, not the shell's environment, so
 * the package does not change with whatever BOT_ID a terminal happens to export.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildAppPackage } from './build-app-package';
import { loadEnvironment } from './env-file';

const root = join(__dirname, '..', '..');
const appDir = join(root, 'appPackage');
const envName = process.argv[2] ?? 'local';

function main(): number {
  const values = loadEnvironment(join(root, 'env'), envName);
  const result = buildAppPackage(appDir, values);
  if (!result.ok) {
    console.error(`The app package for "${envName}" is not valid:\n  - ${result.problems.join('\n  - ')}`);
    return 1;
  }
  const out = join(appDir, 'build', `appPackage.${envName}.zip`);
  mkdirSync(join(appDir, 'build'), { recursive: true });
  writeFileSync(out, result.zip);
  console.log(`${relative(root, out)}: ${[...result.files.keys()].join(', ')} (validated)`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
