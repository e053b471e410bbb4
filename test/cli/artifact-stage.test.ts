import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertGeneratedOnce, fileWriter, stageArtifacts, type StageRequest } from '../../cli/artifact-stage';
import { generateArtifacts } from '../../artifacts';
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
  const request = (stageDir: string): StageRequest => ({
    topologies: exampleTopologies().map((topology) => ({ file: `stacks/${topology.environment.name}/topology.json`, topology })),
    commit: exampleTopologies().map((topology) => `stacks/${topology.environment.name}/topology.json`),
    stageDir,
    subset: false,
    environments: [],
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

  it('reports a failure to stage as an error naming the step that failed', () => {
    const blocked = join(tempDir(), 'not-a-folder');
    writeFileSync(blocked, 'a file where the staging folder should go');
    // No topology to read: the docs index and capacity report are still written, into a folder that cannot be made.
    expect(() => stageArtifacts({ topologies: [], commit: [], stageDir: join(blocked, 'stage'), subset: false, environments: [] })).toThrow(
      /generating client configs, docs and schemas failed: .*ENOTDIR/s,
    );
  });

  it('rejects a file generated twice, which would silently overwrite the first', () => {
    expect(() => assertGeneratedOnce(['docs/a.md', 'docs/b.md'])).not.toThrow();
    expect(() => assertGeneratedOnce(['docs/x.md', 'docs/a.md', 'docs/x.md'])).toThrow('two artifacts would be written to docs/x.md');
  });
});
