/**
 * `npm run mutation`'s command line (scripts/mutation.ts): a run can be narrowed to some files of one folder and to
 * some tests, so a survivor is re-checked in minutes instead of re-running a whole folder; what it cannot do is
 * refused with every reason at once. The Stryker run itself is not started here (it takes minutes to hours).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { MUTATION_TARGETS, planOf, reportDirOf, scoreOf, survivors, USAGE } from '../../scripts/mutation';

const plan = (...argv: string[]) => {
  const read = planOf(argv);
  if ('errors' in read) throw new Error(read.errors.join('; '));
  return read.plan;
};
const errors = (...argv: string[]): string[] => {
  const read = planOf(argv);
  return 'errors' in read ? read.errors : [];
};

describe('planOf', () => {
  it('runs every folder, whole, one mutant at a time as configured, with no arguments', () => {
    expect(plan()).toEqual({ targets: MUTATION_TARGETS, scoped: false, concurrency: undefined });
  });

  it('runs the folders named, in the documented order', () => {
    expect(plan('contracts', 'model').targets.map((t) => t.name)).toEqual(['model', 'contracts']);
  });

  it("narrows one folder to the files given, keeping that folder's tests unless --tests is given", () => {
    expect(plan('model', '--mutate', 'model/credentials.ts')).toEqual({
      targets: [{ name: 'model', mutate: ['model/credentials.ts'], tests: ['test/model/**/*.test.ts'] }],
      scoped: true,
      concurrency: undefined,
    });
    const rules = plan('rules', '--mutate', 'rules/key/*.ts', '--mutate', 'rules/run.ts', '--tests', 'test/rules/key.test.ts', '--concurrency', '2');
    expect(rules.targets).toEqual([{ name: 'rules', mutate: ['rules/key/*.ts', 'rules/run.ts'], tests: ['test/rules/key.test.ts'] }]);
    expect(rules.concurrency).toBe(2);
  });

  it('refuses, with every reason, a scope without exactly one folder, a file outside the folder, too many mutants at once', () => {
    expect(errors('--mutate', 'model/credentials.ts')).toEqual(['--mutate and --tests narrow one folder: name exactly one']);
    expect(errors('model', 'rules', '--tests', 'test/model/x.test.ts')).toEqual(['--mutate and --tests narrow one folder: name exactly one']);
    expect(errors('rules', '--mutate', 'model/credentials.ts', '--concurrency', '3')).toEqual([
      '--mutate model/credentials.ts is outside rules (rules/**/*.ts)',
      '--concurrency 3: give 1 or 2 (the machine is shared)',
    ]);
    expect(errors('review-classify', '--mutate', 'review/render.ts')).toEqual(['--mutate review/render.ts is outside review-classify (review/classify.ts)']);
    for (const bad of ['0', '1.5', 'two']) expect(errors('--concurrency', bad)).toEqual([`--concurrency ${bad}: give 1 or 2 (the machine is shared)`]);
    expect(errors('modle')).toEqual(['unknown folder(s): modle; choose from model, rules, review-classify, contracts']);
    expect(errors('--mutat', 'x')[0]).toMatch(/Unknown option '--mutat'/);
  });
});

describe('planOf --since', () => {
  // What `git diff --name-only <ref>` plus new files would list for a branch touching each layer.
  const changed = [
    'model/credentials.ts',
    'model/resolve/assemble.ts',
    'model/types.d.ts',
    'rules/iam/policy-complete.ts',
    'review/render.ts',
    'review/classify.ts',
    'cli/synth.ts',
    'test/model/credentials.test.ts',
    'docs/testing.md',
  ];
  const since = (...argv: string[]) => planOf(argv, (ref) => (ref === 'origin/main' ? changed : []));

  it("mutates only each folder's changed source files, against the folder's tests, and skips a folder with none", () => {
    expect(since('--since', 'origin/main')).toEqual({
      plan: {
        targets: [
          { name: 'model', mutate: ['model/credentials.ts', 'model/resolve/assemble.ts'], tests: ['test/model/**/*.test.ts'] },
          { name: 'rules', mutate: ['rules/iam/policy-complete.ts'], tests: ['test/rules/**/*.test.ts', 'test/contracts/lint.test.ts'] },
          { name: 'review-classify', mutate: ['review/classify.ts'], tests: ['test/review/**/*.test.ts'] },
        ],
        scoped: true,
        concurrency: undefined,
      },
    });
    expect(since('rules', '--since', 'origin/main', '--concurrency', '2')).toEqual({
      plan: { targets: [{ name: 'rules', mutate: ['rules/iam/policy-complete.ts'], tests: ['test/rules/**/*.test.ts', 'test/contracts/lint.test.ts'] }], scoped: true, concurrency: 2 },
    });
    expect(since('contracts', '--since', 'origin/main')).toEqual({ plan: { targets: [], scoped: true, concurrency: undefined } });
  });

  it('refuses --since with --mutate or --tests, and says why a ref cannot be compared', () => {
    expect(since('model', '--since', 'x', '--mutate', 'model/credentials.ts')).toEqual({
      errors: ['--since chooses the files itself: give it without --mutate and --tests'],
    });
    const failing = planOf(['--since', 'nope'], () => {
      throw new Error("fatal: bad revision 'nope'");
    });
    expect(failing).toEqual({ errors: ["--since nope: fatal: bad revision 'nope'"] });
  });
});

describe('reportDirOf', () => {
  it("keeps a whole folder's report and incremental file apart from a scoped run's", () => {
    const [model] = MUTATION_TARGETS;
    if (model === undefined) throw new Error('no targets');
    expect(reportDirOf(model, false)).toBe(path.join('reports', 'mutation', 'model'));
    const scoped = reportDirOf({ name: 'model', mutate: ['model/credentials.ts'], tests: ['test/model/credentials.test.ts'] }, true);
    expect(scoped).toBe(path.join('reports', 'mutation', 'model', 'scoped', 'model_credentials.ts_--_test_model_credentials.test.ts'));
    expect(reportDirOf({ name: 'model', mutate: ['model/declare.ts'], tests: ['test/model/credentials.test.ts'] }, true)).not.toBe(scoped);
  });
});

describe('scoreOf', () => {
  it("counts a timeout as detected and leaves errors and ignored mutants out of the score, as Stryker's score does", () => {
    const statuses = ['Killed', 'Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'Ignored'] as const;
    expect(scoreOf(statuses.map((status) => ({ status })))).toEqual({
      killed: 2,
      timeout: 1,
      survived: 1,
      noCoverage: 1,
      errors: 1,
      ignored: 1,
      score: 3 / 5,
      covered: 3 / 4,
    });
    expect(scoreOf([]).score).toBeNull();
  });
});

describe('USAGE', () => {
  it('documents every option the command line accepts', () => {
    for (const option of ['--list', '--mutate <glob>', '--tests <glob>', '--since <ref>', '--concurrency <n>', '--help']) expect(USAGE).toContain(option);
  });
});

describe('survivors', () => {
  it('lists survived and uncovered mutants at the line and column Stryker gives, both from 1, sorted', () => {
    // rules/stack/resource-budget.ts line 15 is `    if (stack === undefined || …`: the condition starts at the 9th
    // character, where Stryker's report puts its ConditionalExpression mutant (line 15, column 9).
    const at = (line: number, column: number) => ({ start: { line, column } });
    const file = path.resolve(__dirname, '../../rules/stack/resource-budget.ts');
    expect(
      survivors([
        { status: 'Survived', fileName: file, mutatorName: 'ConditionalExpression', replacement: 'false', location: at(15, 9) },
        { status: 'Killed', fileName: file, mutatorName: 'ConditionalExpression', replacement: 'true', location: at(15, 9) },
        { status: 'NoCoverage', fileName: file, mutatorName: 'StringLiteral', replacement: '""\n', location: at(3, 1) },
      ]),
    ).toEqual([
      'no coverage rules/stack/resource-budget.ts:3:1 StringLiteral → "" ',
      'survived rules/stack/resource-budget.ts:15:9 ConditionalExpression → false',
    ]);
  });
});
