// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layer boundaries (DESIGN.md "Architecture"): model/, guard/, pipeline/, rules/, review/ are pure and import neither cdktf nor the
// construct layer nor the file system; everything else reaches cdktf only through constructs/cdktf.ts, so moving to
// the cdktn fork is a one-file change. In flat config a later block that sets the same rule for overlapping files
// replaces the earlier options, so each block lists every pattern that applies to its files.
const CDKTF_DOOR = {
  name: 'cdktf',
  message: 'import from constructs/cdktf.ts so a move to cdktn is a one-file change',
};
// Only tests import from test/: the product, scripts/ and bench/ must run from a checkout or package without it, and a
// helper both need lives outside test/ (the terraform harness in scripts/terraform/), imported by the tests from there.
const NO_TEST_IMPORTS = {
  group: ['**/test/**', '../test', '../../test'],
  message: 'only tests import from test/: move what both need out of test/ (e.g. scripts/terraform/)',
};
// cdktf's modules below the package index are internals: constructs/synth/internals.ts alone loads them, and lists
// each with what breaks if it changes (constructs/synth/README.md).
const CDKTF_INTERNALS = { group: ['cdktf/*'], message: 'cdktf internals are reached only through constructs/synth/internals.ts (constructs/synth/README.md)' };
const PURE_LAYER_PATTERNS = [
  { group: ['cdktf', 'cdktf/*', 'constructs', '@cdktf/*'], message: 'the pure layers never import cdktf or constructs' },
  { group: ['**/constructs/**', '../constructs', '../../constructs'], message: 'the pure layers never import the construct layer' },
  { group: ['node:fs', 'fs', 'node:fs/*', 'fs/*'], message: 'the pure layers do no I/O; pass data in' },
  NO_TEST_IMPORTS,
];

export default tseslint.config(
  {
    // `.topicform.*`: what synth keeps beside an output (its lock, a run's staged client code); `.cdktf.out.staging-*`: the
    // staging folders of versions before the journal (beside the default output).
    ignores: [
      'node_modules/**',
      'gen/**',
      'cdktf.out/**',
      'dist/**',
      'coverage/**',
      '**/*.d.ts',
      '**/.topicform.*/**',
      '**/.cdktf.out.staging-*/**',
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.mjs', 'test/double/*.cjs', 'bin/*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A floating promise in a CLI loses its error and exit code.
      '@typescript-eslint/no-floating-promises': 'error',
      // Type-only imports keep the pure layers from loading cdktf at run time by accident.
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // Shadowed names in nested scopes have hidden real bugs in derivation loops.
      'no-shadow': 'off',
      '@typescript-eslint/no-shadow': 'error',
      curly: ['error', 'multi-line'],
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [CDKTF_DOOR], patterns: [NO_TEST_IMPORTS, CDKTF_INTERNALS] }],
    },
  },
  {
    // Tests import each other's helpers and fixtures freely.
    files: ['test/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [CDKTF_DOOR], patterns: [CDKTF_INTERNALS] }] },
  },
  {
    files: [
      'model/**/*.ts',
      'guard/**/*.ts',
      'pipeline/**/*.ts',
      'rules/**/*.ts',
      'review/**/*.ts',
      'artifacts/**/*.ts',
      'importer/**/*.ts',
      'contracts/**/*.ts',
      'access/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', { paths: [CDKTF_DOOR], patterns: PURE_LAYER_PATTERNS }],
    },
  },
  {
    // A command's --output (a review, a guard report, a plan summary, a pipeline) is read by the next CI step: written
    // in place, a crash or a full disk leaves half a file that step may trust. cli/write.ts writes a sibling and renames.
    files: ['cli/commands/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            CDKTF_DOOR,
            {
              name: 'node:fs',
              importNames: ['writeFileSync', 'appendFileSync', 'createWriteStream'],
              message: "write a command's files with writeFileAtomic (cli/write.ts)",
            },
          ],
          patterns: [NO_TEST_IMPORTS, CDKTF_INTERNALS],
        },
      ],
    },
  },
  {
    files: ['constructs/cdktf.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_TEST_IMPORTS, CDKTF_INTERNALS] }] },
  },
  {
    files: ['constructs/synth/internals.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [CDKTF_DOOR], patterns: [NO_TEST_IMPORTS] }] },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'bin/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs', 'bin/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        Buffer: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
