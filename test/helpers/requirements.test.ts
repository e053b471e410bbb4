/**
 * TOPICFORM_TEST_STRICT: a test that needs terraform or ../shared skips with its reason where they are missing, and
 * fails instead, naming what is missing, in strict mode. Checked on a probe test file (test/fixtures/requirements)
 * run by vitest itself, with terraform taken off PATH and a ../shared sample that does not exist.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SHARED_ROOT, sharedRequirement, strictKinds, strictMode, STRICT_VARIABLE } from './requirements';

describe('strictMode', () => {
  it.each([
    ['1', true],
    ['true', true],
    ['TRUE', true],
    ['terraform', true],
    ['0', false],
    ['false', false],
    ['', false],
    [undefined, false],
  ] as const)('reads %j as %s', (value, strict) => {
    expect(strictMode(value === undefined ? {} : { [STRICT_VARIABLE]: value })).toBe(strict);
  });

  it.each([
    ['1', ['shared', 'terraform']],
    ['terraform', ['terraform']],
    ['0', []],
  ] as const)('makes %j fail the tests missing %j', (value, kinds) => {
    expect([...strictKinds({ [STRICT_VARIABLE]: value })].sort()).toEqual(kinds);
  });

  it('fails on any other value, so a typo cannot turn strict mode off quietly', () => {
    expect(() => strictMode({ [STRICT_VARIABLE]: 'yes' })).toThrow(/TOPICFORM_TEST_STRICT must be 1 .* or 0, got "yes"/);
  });
});

describe('sharedRequirement', () => {
  it('names every absent path, absolute, and says where the samples live', () => {
    const r = sharedRequirement('no-such-a', 'no-such-b');
    expect(r.needs).toBe('../shared/no-such-a, ../shared/no-such-b');
    expect(r.missing).toBe(
      `${join(SHARED_ROOT, 'no-such-a')}, ${join(SHARED_ROOT, 'no-such-b')} are not there (the shared real-world samples live outside this repository)`,
    );
  });

  it('is met by an empty list', () => {
    expect(sharedRequirement().missing).toBeUndefined();
  });
});

interface JsonAssertion {
  readonly title: string;
  readonly fullName: string;
  readonly status: 'passed' | 'failed' | 'skipped' | 'pending' | 'todo';
  readonly failureMessages: readonly string[];
}

interface ProbeRun {
  readonly status: number | null;
  readonly output: string;
  readonly tests: ReadonlyMap<string, JsonAssertion>;
}

const scratch = mkdtempSync(join(tmpdir(), 'topicform-requirements-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** PATH without any directory that holds a terraform executable. */
function pathWithoutTerraform(): string {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => {
      try {
        accessSync(join(dir, 'terraform'), constants.X_OK);
        return false;
      } catch {
        return true;
      }
    })
    .join(delimiter);
}

/** Runs the probe with vitest (terraform off PATH), strict or not; tests keyed by their full name. */
function runProbe(strict: '0' | '1' | 'terraform'): ProbeRun {
  const report = join(scratch, `probe-${strict}.json`);
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: pathWithoutTerraform(), [STRICT_VARIABLE]: strict, NO_COLOR: '1' };
  const run = spawnSync(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      '--config',
      join(REPO_ROOT, 'test', 'fixtures', 'requirements', 'vitest.config.mts'),
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 120_000 },
  );
  const json = JSON.parse(readFileSync(report, 'utf8')) as { testResults: Array<{ assertionResults: JsonAssertion[] }> };
  const tests = new Map(json.testResults.flatMap((f) => f.assertionResults).map((a) => [a.fullName, a]));
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`, tests };
}

function outcome(run: ProbeRun, fullName: string): JsonAssertion {
  const found = run.tests.get(fullName);
  if (found === undefined) throw new Error(`the probe has no test "${fullName}"; it has:\n${[...run.tests.keys()].join('\n')}`);
  return found;
}

describe('a test that needs what is missing (terraform off PATH, an absent ../shared sample)', () => {
  const absent = sharedRequirement('no-such-folder/no-such-sample.json').missing ?? '';

  it('skips with the reason in its title and on the console, and the run passes, without strict mode', () => {
    const run = runProbe('0');
    expect(run.status, run.output).toBe(0);
    expect(outcome(run, `a group over an absent sample [skipped: ${absent}] reads the sample`).status).toBe('skipped');
    expect(outcome(run, `a single test over an absent sample [skipped: ${absent}]`).status).toBe('skipped');
    expect(outcome(run, `case 1 over an absent sample [skipped: ${absent}]`).status).toBe('skipped');
    const terraform = [...run.tests.values()].find((t) => t.fullName.startsWith('a group that runs terraform [skipped: terraform is not on PATH'));
    expect(terraform?.status).toBe('skipped');
    expect(outcome(run, 'a group over a present sample runs').status).toBe('passed');
    expect(run.output).toContain(`skipping "a group over an absent sample": ${absent}`);
  });

  it('fails, naming what is missing, with TOPICFORM_TEST_STRICT=1', () => {
    const run = runProbe('1');
    expect(run.status).toBe(1);
    const group = outcome(run, 'a group over an absent sample needs ../shared/no-such-folder/no-such-sample.json');
    expect(group.status).toBe('failed');
    expect(group.failureMessages.join('\n')).toContain(
      `TOPICFORM_TEST_STRICT=1: "a group over an absent sample" needs ../shared/no-such-folder/no-such-sample.json, which is missing here: ${absent}`,
    );
    for (const title of ['a single test over an absent sample', 'case 1 over an absent sample', 'case 2 over an absent sample']) {
      const test = outcome(run, title);
      expect(test.status, title).toBe('failed');
      expect(test.failureMessages.join('\n'), title).toContain(`"${title}" needs ../shared/no-such-folder/no-such-sample.json, which is missing here`);
      expect(test.failureMessages.join('\n'), title).not.toMatch(/ran$/m);
    }
    const terraform = outcome(run, 'a group that runs terraform needs terraform >= 1.11 on PATH');
    expect(terraform.status).toBe('failed');
    expect(terraform.failureMessages.join('\n')).toMatch(
      /"a group that runs terraform" needs terraform >= 1\.11 on PATH, which is missing here: terraform is not on PATH/,
    );
    expect(outcome(run, 'a group over a present sample runs').status).toBe('passed');
  });

  it('fails only for the missing terraform, and skips the absent samples, with TOPICFORM_TEST_STRICT=terraform', () => {
    const run = runProbe('terraform');
    expect(run.status).toBe(1);
    expect(outcome(run, `a group over an absent sample [skipped: ${absent}] reads the sample`).status).toBe('skipped');
    expect(outcome(run, `case 2 over an absent sample [skipped: ${absent}]`).status).toBe('skipped');
    const terraform = outcome(run, 'a group that runs terraform needs terraform >= 1.11 on PATH');
    expect(terraform.status).toBe('failed');
    expect(terraform.failureMessages.join('\n')).toContain('TOPICFORM_TEST_STRICT=terraform: "a group that runs terraform" needs terraform >= 1.11 on PATH');
  });
});
