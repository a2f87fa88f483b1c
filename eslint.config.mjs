import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Browser code: esbuild keeps all of zod's locales for `import { z }` (a namespace held as a value); `* as z` shakes. */
const ZOD_NAMESPACE_IMPORT = {
  selector: "ImportDeclaration[source.value='zod'][importKind='value'] > ImportSpecifier[imported.name='z']",
  message: "Use `import * as z from 'zod'` (keeps zod's locales out of the tab's bundle).",
};

/**
 * The tab's query keys are made in one place, `tab/src/api/query-keys.ts`, so a change refreshes
 * exactly what it should (`tab/src/api/mutations.ts`); an array written where a key goes bypasses it.
 */
const QUERY_KEY_FACTORY_ONLY = [
  {
    selector: 'Property[key.name=/^(queryKey|mutationKey)$/] > ArrayExpression',
    message: 'Take the key from `queryKeys` (tab/src/api/query-keys.ts).',
  },
  {
    selector:
      'CallExpression[callee.property.name=/^(getQueryData|setQueryData|getQueryState|getQueriesData|setQueriesData|ensureQueryData)$/] > ArrayExpression',
    message: 'Take the key from `queryKeys` (tab/src/api/query-keys.ts).',
  },
];

/**
 * What a record's status allows is decided in `shared/` (`leadCapabilities`, `isConvertedLead`,
 * `isImportJobFinished`, ...): a status compared with a string literal elsewhere is a rule in a
 * shell, which drifts from the transition table. Covers `x.status`, `x?.status` and a bare `status`
 * against a string literal (either side of `===`, `!==`, `==`, `!=`) and a `switch` on a status with
 * a string-literal case.
 */
const statusIn = (field) =>
  `:matches([${field}.name='status'], [${field}.property.name='status'], [${field}.expression.property.name='status'])`;
const stringLiteral = (field) => `[${field}.type='Literal'][${field}.value=/.*/]`;
const STATUS_MESSAGE =
  'Ask `@crm/shared` what the status allows (leadCapabilities, a named predicate); do not compare it with a literal.';
const STATUS_LITERAL = [
  {
    selector: `BinaryExpression[operator=/^[!=]==?$/]${statusIn('left')}${stringLiteral('right')}`,
    message: STATUS_MESSAGE,
  },
  {
    selector: `BinaryExpression[operator=/^[!=]==?$/]${statusIn('right')}${stringLiteral('left')}`,
    message: STATUS_MESSAGE,
  },
  {
    selector: `SwitchStatement${statusIn('discriminant')} > SwitchCase${stringLiteral('test')}`,
    message: STATUS_MESSAGE,
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '.data/**',
      'coverage/**',
      '**/*.cjs',
      'jest.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs', '**/*.js', 'scripts/**'], languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use string-literal unions.' },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.js'],
    ignores: ['shared/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use string-literal unions.' },
        ...STATUS_LITERAL,
      ],
    },
  },
  {
    // The pure core: no clock, no environment, no randomness. Time and ids come in as arguments.
    files: ['shared/src/**/*.ts'],
    ignores: [
      'shared/src/storage/**',
      'shared/src/testing/**',
      'shared/src/runtime/testing/**',
      'shared/src/**/*.spec.ts',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass `now` in.' },
        { object: 'Math', property: 'random', message: 'Pass ids in.' },
        { object: 'process', property: 'env', message: 'Config is read once in the composition root.' },
      ],
      // Replaces the shared list above for these files, so it repeats the enum rule.
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use string-literal unions.' },
        ZOD_NAMESPACE_IMPORT,
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass `now` in.' },
        { selector: "CallExpression[callee.name='Date']", message: 'Pass `now` in.' },
        {
          selector: "CallExpression[callee.property.name='randomUUID']",
          message: 'Pass ids in.',
        },
      ],
    },
  },
  {
    files: ['tab/src/**/*.ts', 'tab/src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use string-literal unions.' },
        ZOD_NAMESPACE_IMPORT,
        ...QUERY_KEY_FACTORY_ONLY,
        ...STATUS_LITERAL,
      ],
    },
  },
);
