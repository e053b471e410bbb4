/**
 * What synth keeps beside its output (its lock, run folders with staged client code, staging folders of older
 * versions) is ignored by git — in this repository and in a repository `topicform init` scaffolds — and by eslint, so
 * that a staged `kafkajs.ts` never fails `eslint .` and an interrupted synth's leftovers are never committed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { renderTemplates } from '../../cli/commands/init';
import { legacyStagingPrefix, lockPath, runFolderPrefix } from '../../cli/output/names';
import { ROOT } from '../helpers/cli';

const TARGET = join(ROOT, 'cdktf.out');
/** A path of each kind synth leaves beside `cdktf.out`, relative to the folder holding it. */
const LEFTOVERS = [
  lockPath(TARGET).slice(ROOT.length + 1),
  `${runFolderPrefix(TARGET)}12345-AbCdEf/stage/clients/dev/orders-reader/kafkajs.ts`,
  `${runFolderPrefix(TARGET)}12345-AbCdEf/journal.json`,
  `${legacyStagingPrefix(TARGET)}Xy12Ab/.artifacts/clients/dev/orders-reader/kafkajs.ts`,
];

const HAVE_GIT = spawnSync('git', ['--version']).status === 0;
const work = mkdtempSync(join(tmpdir(), 'topicform-ignore-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The paths git does not ignore in `repo`. */
function notIgnored(repo: string, paths: readonly string[]): string[] {
  return paths.filter((path) => spawnSync('git', ['check-ignore', '--no-index', '-q', path], { cwd: repo }).status !== 0);
}

describe('what synth leaves beside its output', () => {
  it.skipIf(!HAVE_GIT)('is ignored by git in this repository', () => {
    expect(LEFTOVERS[0]).toBe('.topicform.cdktf.out.lock');
    expect(notIgnored(ROOT, LEFTOVERS)).toEqual([]);
  });

  it.skipIf(!HAVE_GIT)("is ignored by git in a repository scaffolded by topicform init, whatever the output's name", () => {
    const repo = join(work, 'scaffolded');
    spawnSync('git', ['init', '-q', repo]);
    writeFileSync(join(repo, '.gitignore'), renderTemplates('scaffolded').get('.gitignore') ?? '');
    const elsewhere = LEFTOVERS.slice(0, 3).map((p) => p.replace('cdktf.out', 'out'));
    expect(notIgnored(repo, [...LEFTOVERS, ...elsewhere])).toEqual([]);
  });

  it('is ignored by eslint', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const linted: string[] = [];
    for (const path of LEFTOVERS.filter((p) => p.endsWith('.ts'))) if (!(await eslint.isPathIgnored(join(ROOT, path)))) linted.push(path);
    expect(linted).toEqual([]);
  });
});
