// @ts-check
// Mutation testing with StrykerJS (`npm run mutation`, scripts/mutation.ts, which sets `mutate` and the report files
// per folder; docs/testing.md has the scores). Never part of `npm test`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.mts' },
  // Only the tests that reach a mutant run for it.
  coverageAnalysis: 'perTest',
  // One mutant at a time: the machine is shared (2 cores for several engineers), and a run must not starve the others.
  concurrency: 1,
  // A static mutant (module-level code: zod schemas, constant tables) is evaluated once at import, so Stryker would run
  // every test for each of them; that alone would take hours here. They are reported as ignored, with their count
  // (docs/testing.md), and left to the ordinary tests of those tables and schemas.
  ignoreStatic: true,
  timeoutMS: 20_000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 20,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['dist', 'cdktf.out', 'coverage', 'reports', 'bench/results', '*.tgz'],
  reporters: ['progress', 'clear-text', 'html', 'json'],
};
