// Prints the last test run's plain summary line ("N passed, N failed") from Jest's JSON results.
import { existsSync, readFileSync } from 'node:fs';

const file = '.data/test-results.json';
if (!existsSync(file)) {
  console.log('0 passed, 1 failed');
  process.exit(0);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
console.log(`${r.numPassedTests} passed, ${r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0)} failed`);
