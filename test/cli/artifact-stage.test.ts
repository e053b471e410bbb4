import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileWriter, mergeStaged, stageArtifacts, type StageRequest } from '../../cli/artifact-stage';
import { artifactJobs, generateArtifacts } from '../../artifacts';
import { exampleTopologies } from '../artifacts/fixtures';
import { readTree } from '../helpers/tree';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('fileWriter', () => {
  it('writes below its root, and with an output folder skips a file that folder holds with the same content', () => {
    const root = mkdtempSync(join(tmpdir(), 'topicform-writer-'));
    dirs.push(root);
    const output = join(root, 'out');
    mkdirSync(join(output, 'docs'), { recursive: true });
    writeFileSync(join(output, 'docs', 'same.md'), 'same\n');
    writeFileSync(join(output, 'docs', 'old.md'), 'old\n');
    const write = fileWriter(join(root, 'stage'), output);

    expect(write('docs/same.md', 'same\n')).toBe(false);
    expect(write('docs/old.md', 'new\n')).toBe(true);
    expect(write('docs/fresh.md', 'fresh\n')).toBe(true);
    expect(readTree(join(root, 'stage'))).toEqual({ 'docs/old.md': 'new\n', 'docs/fresh.md': 'fresh\n' });
    expect(fileWriter(join(root, 'plain'))('docs/same.md', 'same\n')).toBe(true);
  });
});

describe('stageArtifacts', () => {
  const request = (stageDir: string, next?: Int32Array): StageRequest => ({
    topologies: exampleTopologies().map((topology) => ({ file: `stacks/${topology.environment.name}/topology.json`, topology })),
    commit: exampleTopologies().map((topology) => `stacks/${topology.environment.name}/topology.json`),
    stageDir,
    subset: false,
    environments: [],
    ...(next === undefined ? {} : { next }),
  });
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'topicform-stage-'));
    dirs.push(dir);
    return dir;
  };

  it('stages every artifact, each topology.json and the event schemas', () => {
    const dir = tempDir();
    const result = stageArtifacts(request(dir));
    const artifacts = [...generateArtifacts(exampleTopologies()).keys()];
    for (const file of artifacts) expect(result.staged).toContain(file);
    expect(result.staged.filter((f) => f.endsWith('topology.json'))).toHaveLength(exampleTopologies().length);
    expect(result.staged.some((f) => f.startsWith('schemas/'))).toBe(true);
    expect(Object.keys(readTree(dir)).length).toBe(result.staged.length);
  });

  it('shares its jobs through a counter in shared memory: each job is done once, by whichever thread takes it', () => {
    const alone = stageArtifacts(request(tempDir()));
    const dir = tempDir();
    const next = new Int32Array(new SharedArrayBuffer(4));
    // A worker that has taken the first jobs: this thread starts where the counter stands and does the rest.
    const jobs = exampleTopologies().length + 1 + artifactJobs(exampleTopologies()).length;
    Atomics.store(next, 0, Math.floor(jobs / 2));
    const second = stageArtifacts(request(dir, next));
    expect(second.staged.length).toBeGreaterThan(0);
    expect(second.staged.length).toBeLessThan(alone.staged.length);
    // Jobs before the counter were another thread's: topology.json and the schemas come first, so none are here.
    expect(second.staged.filter((f) => f.endsWith('topology.json') || f.startsWith('schemas/'))).toEqual([]);
    for (const file of second.staged) expect(alone.staged).toContain(file);
    expect(Atomics.load(next, 0)).toBeGreaterThanOrEqual(jobs);
    // Once every job is taken, another thread finds nothing left.
    const late = stageArtifacts(request(tempDir(), next));
    expect(late).toEqual({ staged: [], generated: [] });
  });

  it('stages nothing the output already holds with the same bytes, and still lists it as generated', () => {
    const first = tempDir();
    const all = stageArtifacts(request(first));
    const again = stageArtifacts({ ...request(tempDir()), output: first });
    expect(again.staged).toEqual([]);
    expect(again.generated).toEqual(all.generated);
  });

  it('stages a file of the output whose bytes differ, or that the output lacks', () => {
    const output = tempDir();
    stageArtifacts(request(output));
    const changed = 'docs/index.md';
    const removed = 'docs/capacity.md';
    writeFileSync(join(output, ...changed.split('/')), 'edited by hand\n');
    rmSync(join(output, ...removed.split('/')));
    const dir = tempDir();
    const again = stageArtifacts({ ...request(dir), output });
    expect([...again.staged].sort()).toEqual([changed, removed].sort());
    expect(Object.keys(readTree(dir)).sort()).toEqual([changed, removed].sort());
  });

  it('merges the parts of several threads and rejects a file generated twice', () => {
    expect(mergeStaged([{ staged: ['a'], generated: ['a', 'b'] }, { staged: ['c'], generated: ['c'] }])).toEqual({ staged: ['a', 'c'], generated: ['a', 'b', 'c'] });
    expect(() => mergeStaged([{ staged: [], generated: ['docs/x.md'] }, { staged: [], generated: ['docs/x.md'] }])).toThrow('two artifacts would be written to docs/x.md');
  });
});
