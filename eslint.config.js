// Type-aware lint with the folder boundaries of the style guide (docs/design.md, "Layers").
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vitest from '@vitest/eslint-plugin'

const impurity = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'The clock is read once, in src/cli/options.ts (--as-of).',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'The clock is read once, in src/cli/options.ts (--as-of).',
  },
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: 'Use a seeded generator (src/domain/shared/random.ts).',
  },
]

const ours = (...names) =>
  names.map((n) => ({
    group: [`**/${n}/*`, `**/${n}`, `../${n}/*`, `../../${n}/*`],
    message: `this folder must not import ${n}/`,
  }))
const nodeBuiltins = {
  group: ['node:*'],
  message: 'Only src/cli and src/io/files.ts touch the process or the file system.',
}
const libs = (...names) =>
  names.map((n) => ({ group: [n, `${n}/*`], message: `${n} belongs to another layer` }))

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'bench/.cache/**',
      'bench/.deps/**',
      'fixtures/**',
      'bin/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-console': 'error',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [nodeBuiltins, ...ours('io', 'domain', 'cli', 'render', 'demo')] },
      ],
      'no-restricted-syntax': ['error', ...impurity],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/demo/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            ...ours('io', 'cli', 'render'),
            ...libs('commander', 'csv-stringify', 'chalk', 'cli-table3'),
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...impurity],
    },
  },
  {
    files: ['src/io/**/*.ts'],
    ignores: ['src/io/files.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [nodeBuiltins, ...ours('domain', 'cli', 'render'), ...libs('chalk', 'commander')] },
      ],
      'no-restricted-syntax': ['error', ...impurity],
    },
  },
  {
    files: ['src/io/files.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...ours('domain', 'cli', 'render'), ...libs('chalk', 'commander')] },
      ],
      'no-restricted-syntax': ['error', ...impurity],
    },
  },
  {
    files: ['src/render/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins, ...ours('io', 'cli', 'domain')] }],
      'no-restricted-syntax': ['error', ...impurity],
    },
  },
  { files: ['src/cli/main.ts', 'src/cli/emit.ts', 'bench/**'], rules: { 'no-console': 'off' } },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    plugins: { vitest },
    rules: {
      ...vitest.configs.recommended.rules,
      'no-restricted-syntax': 'off',
      'no-restricted-imports': 'off',
    },
  },
)
