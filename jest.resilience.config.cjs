// `npm run test:resilience`: storage faults (also under the outbox relay), SIGKILL mid-import and
// mid-delivery, and a soak, over the same Azurite set-up as the integration tests. Kept out of
// `npm test` (minutes, not seconds; `.ci/run` runs it after with a short soak); see docs/guarantees.md.
const { projects } = require('./jest.config.js');
const integration = projects.find((p) => p.displayName === 'integration');
/** @type {import('jest').Config} */
module.exports = {
  ...integration,
  displayName: 'resilience',
  testMatch: ['<rootDir>/scripts/resilience/**/*.resilience.spec.ts'],
  // One at a time: the soak measures memory and the kill test owns its process.
  maxWorkers: 1,
};
