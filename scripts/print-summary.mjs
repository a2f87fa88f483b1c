// Prints CI's plain summary line ("N passed, N failed") from Jest's JSON results: `npm test`'s and,
// when CI ran it, the resilience suite's.
import { existsSync, readFileSync } from 'node:fs';

const file = '.data/test-results.json';
if (!existsSync(file)) {
  console.log('0 passed, 1 failed');
  process.exit(0);
}
let passed = 0;
let failed = 0;
for (const results of [file, '.data/resilience-test-results.json']) {
  if (!existsSync(results)) continue;
  const r = JSON.parse(readFileSync(results, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
}
console.log(`${passed} passed, ${failed} failed`);
