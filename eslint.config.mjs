// ESLint flat config: typescript-eslint with type information, import order, module boundaries.
// Prettier owns the layout (eslint-config-prettier turns off the rules that would fight it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// libs/testing (fake channel servers, test databases) is for tests, benches and the sandbox only.
const noTestingImports = {
  group: ['@civic/testing', '@civic/testing/*', '**/libs/testing/**', '**/testing/src/**'],
  message: 'Production code never imports libs/testing; only libs/sandbox, specs, test/ and bench/ may.',
};
// Nothing under libs reaches into an app.
const noAppImports = {
  group: ['**/apps/**', 'apps/**'],
  message: 'Libraries never import apps; move the shared code into a lib.',
};
// Adapters never touch the database: plain types and enums come from @civic/model.
const noDatabaseInAdapters = [
  {
    group: ['typeorm', 'typeorm/*', 'pg', 'pg-boss', '@nestjs/typeorm'],
    message: 'Channel adapters never touch the database; return NormalizedEvents and let ingest store them.',
  },
  {
    group: [
      '@civic/database',
      '@civic/database/*',
      '@civic/domain',
      '@civic/domain/*',
      '**/domain/src/**',
      '**/entities/**',
    ],
    message: 'Channel adapters import no entity or database code; take plain types and enums from @civic/model.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      'data/**',
      'media/**',
      'tmp/**',
      'test/fixtures/**',
      'bench/results/**',
      'apps/web/src/api/openapi.gen.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: {
      // The nearest tsconfig.json: the root one for apps/api, apps/worker, libs, test, bench and scripts,
      // apps/web/tsconfig.json for the web app.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/internal-regex': '^@civic/' },
    rules: {
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']],
          pathGroups: [{ pattern: '@civic/**', group: 'internal' }],
          pathGroupsExcludedImportTypes: ['builtin'],
          'newlines-between': 'never',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
      'import-x/no-duplicates': 'error',
    },
  },
  {
    files: ['**/*.{ts,tsx,mts}'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        // Nest reads constructor parameter types at runtime (emitDecoratorMetadata): keep those value imports.
        { prefer: 'type-imports', fixStyle: 'separate-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'none',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-implied-eval': 'error',
    },
  },
  // Personal data stays out of log lines: a failed query's message can quote a value.
  {
    files: ['apps/api/**/*.ts', 'apps/worker/**/*.ts', 'libs/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          // `${error.message}`, `${channelError.stack}`, `${(error as Error).message}` in a logger call's template.
          selector:
            'CallExpression[callee.property.name=/^(log|warn|error|debug|verbose|fatal|info)$/] TemplateLiteral MemberExpression[property.name=/^(message|stack)$/]:matches([object.name=/^(e|err|error|cause|reason|[a-zA-Z]*Error)$/], [object.expression.name=/^(e|err|error|cause|reason|[a-zA-Z]*Error)$/])',
          message:
            'An error message or stack in a log line can quote personal data: use describeError(error) from @civic/database.',
        },
      ],
    },
  },
  // Module boundaries.
  {
    files: ['libs/**/*.ts'],
    ignores: ['libs/sandbox/**', 'libs/testing/**', '**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noAppImports, noTestingImports] }] },
  },
  {
    files: ['libs/sandbox/**/*.ts', 'libs/testing/**/*.ts', 'libs/**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noAppImports] }] },
  },
  {
    files: ['apps/api/**/*.ts', 'apps/worker/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTestingImports] }] },
  },
  {
    // The registry is the composition point that loads accounts for adapters; it is not an adapter.
    files: ['libs/channels/**/*.ts'],
    ignores: ['libs/channels/registry/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noAppImports, noTestingImports, ...noDatabaseInAdapters] }],
    },
  },
  {
    files: ['libs/channels/**/*.spec.ts'],
    ignores: ['libs/channels/registry/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noAppImports, ...noDatabaseInAdapters] }] },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
  // eslint-config-prettier turns curly off; 'all' never fights Prettier, so it comes back on after it.
  { rules: { curly: ['error', 'all'] } },
);
