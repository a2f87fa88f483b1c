/**
 * Architecture rules that fail the build (`npm run lint`):
 * - the pure core (shared entity folders, common, events, reports, records, imports, application) imports no
 *   storage, no SDK, nothing from node:;
 * - storage imports from application/ only its ports (the record catalogue is records/, below it);
 * - only shared/src/storage imports @azure/data-tables, @azure/storage-queue or @azure/identity;
 * - the browser code (tab/src) never imports @crm/shared/storage or Node built-ins;
 * - shared never imports the tab or the bot;
 * - production code never imports a testing/ module (fakes, test servers); specs and helpers do;
 * - the folders of shared/src and of bot/src are ranked: a folder imports only folders of a lower rank
 *   (see below), so folders form no cycle.
 */

/**
 * The folders of shared/src from the bottom up. A folder may import its own files and any folder on
 * an earlier line, never one on its own line or a later one; so a shared piece moves down (to
 * `common/`) or travels as a plain value, and folder cycles cannot form. `no-circular` alone sees
 * only file cycles. Specs are exempt: they may use `testing/` builders.
 */
const ranks = [
  ['common'],
  ['events'],
  ['activity', 'contact', 'organisation'],
  ['opportunity'],
  ['workspace'],
  ['lead'],
  ['campaign', 'duplicates'],
  ['reports'],
  ['records'],
  ['imports'],
  ['application'],
  ['telemetry'],
  ['storage', 'testing'],
  ['runtime'],
];
const folderRankRules = ranks.map((rank, i) => {
  const notBelow = ranks.slice(i).flat();
  return {
    name: `folder-rank-${rank.join('-')}`,
    comment: `shared/src/${rank.join(', ')} may import only lower-ranked folders (.dependency-cruiser.cjs ranks)`,
    severity: 'error',
    from: { path: `^shared/src/(${rank.join('|')})/`, pathNot: '\\.spec\\.tsx?$' },
    to: { path: `^shared/src/(${notBelow.join('|')})/`, pathNot: '^shared/src/$1/' },
  };
});

/**
 * The folders of bot/src from the bottom up, ranked as shared's are: a folder imports only folders on
 * earlier lines, so no two folders import each other, even through a third (the old conversation ↔
 * commands tangle). Reply builders that commands and card verbs share live in replies/, the SDK-free
 * chat vocabulary (messages in, handlers' port) in chat/. The files at the top of bot/src (index.ts,
 * bot-app.ts, config.ts) wire the folders and are not ranked. Specs are exempt.
 */
const botRanks = [
  ['messages'],
  ['cards'],
  ['replies'],
  ['chat'],
  ['workspace'],
  ['commands', 'actions'],
  ['conversation'],
  ['teams'],
  ['notifications'],
  ['http'],
  ['testing'],
];
const botFolderRankRules = botRanks.map((rank, i) => {
  const notBelow = botRanks.slice(i).flat();
  return {
    name: `bot-folder-rank-${rank.join('-')}`,
    comment: `bot/src/${rank.join(', ')} may import only lower-ranked folders (.dependency-cruiser.cjs botRanks)`,
    severity: 'error',
    from: { path: `^bot/src/(${rank.join('|')})/`, pathNot: '\\.spec\\.tsx?$' },
    to: { path: `^bot/src/(${notBelow.join('|')})/`, pathNot: '^bot/src/$1/' },
  };
});

const core =
  '^shared/src/(common|lead|organisation|contact|opportunity|campaign|activity|workspace|events|reports|records|duplicates|imports|application)/';
module.exports = {
  forbidden: [
    ...folderRankRules,
    {
      name: 'storage-imports-only-ports',
      comment:
        'Storage implements the ports: from application/ it imports only the port files; the record catalogue (kinds, sort, search tokens, row plan) is records/.',
      severity: 'error',
      from: { path: '^shared/src/storage/' },
      to: {
        path: '^shared/src/application/',
        pathNot: '^shared/src/application/((team-|notification-)?ports|relay/relay-ports)\\.ts$',
      },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      from: { path: core, pathNot: '\\.spec\\.ts$' },
      to: { path: ['^shared/src/storage/', '^shared/src/testing/'] },
    },
    {
      name: 'core-has-no-node-or-sdk',
      severity: 'error',
      from: { path: core, pathNot: '\\.spec\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-has-no-sdk',
      severity: 'error',
      from: { path: core },
      to: { path: 'node_modules/(@azure|botbuilder|@microsoft|express|pino)' },
    },
    {
      name: 'only-storage-touches-tables',
      severity: 'error',
      from: { pathNot: '^shared/src/storage/' },
      to: { path: 'node_modules/@azure/(data-tables|identity|storage-queue)' },
    },
    {
      name: 'browser-has-no-storage',
      severity: 'error',
      from: { path: '^tab/src/' },
      to: {
        path: ['^shared/src/storage/', '@crm/shared/storage', '^shared/src/testing/', '^shared/src/runtime/'],
      },
    },
    {
      name: 'browser-has-no-node',
      severity: 'error',
      from: { path: '^tab/src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-stands-alone',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(tab|bot)/' },
    },
    {
      name: 'production-has-no-test-helpers',
      comment: 'Only specs and other test helpers import testing/ modules (in-memory fakes, test servers).',
      severity: 'error',
      from: { pathNot: ['\\.spec\\.tsx?$', '(^|/)testing/', '^scripts/jest/'] },
      to: { path: ['(^|/)testing/', '@crm/shared/testing'] },
    },
    ...botFolderRankRules,
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '\\.data', 'dist', 'build'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: true,
  },
};
