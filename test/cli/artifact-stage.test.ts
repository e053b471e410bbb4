import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commitStaged, fileWriter } from '../../cli/artifact-stage';
import { readTree } from '../helpers/tree';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup(staged: Record<string, string>, existing: Record<string, string> = {}): { stage: string; target: string } {
  const root = mkdtempSync(join(tmpdir(), 'topicform-commit-'));
  dirs.push(root);
  const stage = join(root, 'stage');
  const target = join(root, 'out');
  mkdirSync(target);
  const write = fileWriter(stage);
  for (const [file, content] of Object.entries(staged)) write(file, content);
  for (const [file, content] of Object.entries(existing)) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    writeFileSync(join(target, file), content);
  }
  return { stage, target };
}

describe('commitStaged', () => {
  it('moves every file of a new output into place and reports each, in the order given', () => {
    const files = { 'docs/prod/index.md': 'index\n', 'docs/prod/runbooks/a.md': 'a\n', 'docs/prod/runbooks/b.md': 'b\n', 'clients/prod/svc/client.json': '{}\n', 'manifest.json': '{}\n' };
    const { stage, target } = setup(files);
    const order = Object.keys(files).sort();
    expect(commitStaged(stage, target, order)).toEqual(order);
    expect(readTree(target)).toEqual(files);
    // Nothing is left behind in staging: whole folders moved.
    expect(existsSync(join(stage, 'docs'))).toBe(false);
    expect(existsSync(join(stage, 'clients'))).toBe(false);
  });

  it('leaves a staged file that is not to be committed in staging, and commits its neighbours file by file', () => {
    const { stage, target } = setup({ 'stacks/a/topology.json': 'a\n', 'stacks/b/topology.json': 'b\n', 'stacks/b/cdk.tf.json': '{}\n' });
    expect(commitStaged(stage, target, ['stacks/b/cdk.tf.json', 'stacks/b/topology.json'])).toEqual(['stacks/b/cdk.tf.json', 'stacks/b/topology.json']);
    expect(readTree(target)).toEqual({ 'stacks/b/cdk.tf.json': '{}\n', 'stacks/b/topology.json': 'b\n' });
    expect(readFileSync(join(stage, 'stacks', 'a', 'topology.json'), 'utf8')).toBe('a\n');
  });

  it('keeps unchanged files of an existing output untouched and moves a new folder inside it whole', () => {
    const { stage, target } = setup(
      { 'docs/prod/index.md': 'same\n', 'docs/prod/domains/orders.md': 'new\n', 'docs/prod/graph.mmd': 'changed\n', 'docs/staging/index.md': 'staging\n' },
      { 'docs/prod/index.md': 'same\n', 'docs/prod/graph.mmd': 'old\n', 'docs/prod/.terraform-note': 'not ours\n' },
    );
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(target, 'docs', 'prod', 'index.md'), old, old);
    const changed = commitStaged(stage, target, ['docs/prod/domains/orders.md', 'docs/prod/graph.mmd', 'docs/prod/index.md', 'docs/staging/index.md']);
    expect(changed).toEqual(['docs/prod/domains/orders.md', 'docs/prod/graph.mmd', 'docs/staging/index.md']);
    expect(statSync(join(target, 'docs', 'prod', 'index.md')).mtime).toEqual(old);
    expect(readTree(target)).toEqual({ 'docs/prod/index.md': 'same\n', 'docs/prod/domains/orders.md': 'new\n', 'docs/prod/graph.mmd': 'changed\n', 'docs/prod/.terraform-note': 'not ours\n', 'docs/staging/index.md': 'staging\n' });
  });
});
