// Runs every Jest project once and ends with the plain summary line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const out = join('.data', 'test-results.json');
mkdirSync('.data', { recursive: true });
if (existsSync(out)) rmSync(out);
const jest = join('node_modules', 'jest', 'bin', 'jest.js');
// --forceExit: a test that fails before it stops a background loop (a relay, a server) must not keep
// CI waiting forever once every result is in.
const args = [jest, '--json', `--outputFile=${out}`, '--forceExit', ...process.argv.slice(2)];
const run = spawnSync(process.execPath, args, {
  stdio: 'inherit',
  env: { ...process.env, FORCE_COLOR: '0' },
});

let passed = 0;
let failed = 1; // no results file means Jest itself failed
if (existsSync(out)) {
  const results = JSON.parse(readFileSync(out, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + (results.numRuntimeErrorTestSuites ?? 0);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
