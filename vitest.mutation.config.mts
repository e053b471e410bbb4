// vitest for mutation testing only (scripts/mutation.ts, `npm run mutation`; never part of `npm test`): the tests
// that run in process, where Stryker can switch mutants on. Tests that start other processes (the CLI, terraform, a
// synth through tsx) would run the unmutated code and only cost time, so they are left out. TOPICFORM_MUTATION_TESTS
// (a JSON array of globs, since a glob may hold commas: `test/rules/{key,replay}.test.ts`) narrows the files to the
// folder being mutated.
import { defineConfig } from 'vitest/config';

const SPAWNING = [
  'test/review/cli.test.ts',
  'test/review/corpus-live.test.ts',
  'test/review/seed.test.ts',
  'test/review/workflows.test.ts',
  'test/access/cli.test.ts',
  'test/artifacts/graph-cli.test.ts',
];

export default defineConfig({
  test: {
    include: JSON.parse(process.env.TOPICFORM_MUTATION_TESTS ?? '["test/model/**/*.test.ts"]') as string[],
    exclude: ['**/node_modules/**', ...SPAWNING],
    // Test files share one module registry: the construct layer (cdktf) is loaded once, not once per mutant run, which
    // is what makes rules/ (tested through synthesized stacks) affordable. Mutants are switched at run time and static
    // ones are ignored (stryker.config.mjs), so no test needs a fresh module.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
