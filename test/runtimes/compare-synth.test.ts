import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareOutputs, report } from '../../scripts/compare-synth';
import { canonicalJson } from '../../cli/write';

const scratch = mkdtempSync(join(tmpdir(), 'topicform-compare-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const STAMP = { from: '0.21.0', to: '0.24.0' };
let n = 0;

/** An output directory holding `files` (path → content). */
function output(files: Record<string, string>): string {
  const dir = join(scratch, `out-${n++}`);
  mkdirSync(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const stack = (version: string, partitions = 6): string =>
  canonicalJson({
    '//': { metadata: { backend: 'local', stackName: 'dev', version }, outputs: {} },
    resource: { kafka_topic: { orders: { name: 'orders', partitions } } },
  });
const manifest = (version: string): string => canonicalJson({ stacks: { dev: { name: 'dev' } }, version });
const docs = '# orders\n';

describe('compareOutputs', () => {
  it('accepts outputs that differ only in the version stamps, and lists each one with its reason', () => {
    const result = compareOutputs(
      output({ 'stacks/dev/cdk.tf.json': stack('0.21.0'), 'manifest.json': manifest('0.21.0'), 'docs/index.md': docs }),
      output({ 'stacks/dev/cdk.tf.json': stack('0.24.0'), 'manifest.json': manifest('0.24.0'), 'docs/index.md': docs }),
      STAMP,
    );
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ compared: 3, identical: 1 });
    expect(result.stamps.map((s) => `${s.file}: ${s.path}`)).toEqual(['manifest.json: version', 'stacks/dev/cdk.tf.json: //.metadata.version']);
    const text = report(result, STAMP);
    expect(text).toContain('version stamp 0.21.0 → 0.24.0, the only difference allowed (2 file(s))');
    expect(text).toContain("terraform ignores the '//' key");
    expect(text).toMatch(/3 file\(s\) compared: 1 byte-identical, 2 differing only in the version stamp; identical apart from the version stamp\n$/);
  });

  it('fails on any other difference, naming the file and where it starts', () => {
    const result = compareOutputs(
      output({ 'stacks/dev/cdk.tf.json': stack('0.21.0', 6), 'docs/index.md': docs }),
      output({ 'stacks/dev/cdk.tf.json': stack('0.24.0', 12), 'docs/index.md': '# Orders\n' }),
      STAMP,
    );
    expect(result.problems).toEqual([
      expect.stringMatching(/^docs\/index\.md: first difference at byte 2 \(line 1\): cdktf `# orders`, cdktn `# Orders`$/),
      expect.stringMatching(
        /^stacks\/dev\/cdk\.tf\.json: differs beyond \/\/\.metadata\.version: first difference at byte \d+ \(line 14\): cdktf `"partitions": 6,?`, cdktn `"partitions": 12,?`$/,
      ),
    ]);
    expect(report(result, STAMP)).toContain('2 difference(s) beyond the version stamp');
  });

  it('fails on a stamp that is not the two libraries’ versions, or in a place no library writes one', () => {
    const wrongVersion = compareOutputs(output({ 'manifest.json': manifest('0.21.0') }), output({ 'manifest.json': manifest('0.25.0') }), STAMP);
    expect(wrongVersion.problems).toEqual(['manifest.json: version is "0.21.0" → "0.25.0", not the library versions 0.21.0 → 0.24.0']);
    const elsewhere = compareOutputs(output({ 'docs/dev/topology.json': manifest('0.21.0') }), output({ 'docs/dev/topology.json': manifest('0.24.0') }), STAMP);
    expect(elsewhere.problems).toEqual([expect.stringMatching(/^docs\/dev\/topology\.json: first difference/)]);
  });

  it('fails on a file written on one side only, and on an empty output', () => {
    const result = compareOutputs(output({ 'a.md': docs }), output({ 'b.md': docs }), STAMP);
    expect(result.problems).toEqual(['a.md: written with cdktf only', 'b.md: written with cdktn only']);
    expect(compareOutputs(output({}), output({}), STAMP).problems).toEqual([expect.stringMatching(/no file synthesized$/)]);
    expect(compareOutputs(join(scratch, 'missing'), output({ 'a.md': docs }), STAMP).problems).toEqual([
      expect.stringMatching(/missing: no such directory$/),
      'a.md: written with cdktn only',
    ]);
  });

  it('allows no difference at all with one library version on both sides (two Node.js versions), naming the sides', () => {
    const same = { from: '0.21.0', to: '0.21.0' };
    const result = compareOutputs(output({ 'manifest.json': manifest('0.21.0'), 'a.md': docs }), output({ 'manifest.json': manifest('0.24.0') }), same, [
      'node 24',
      'node 22',
    ]);
    expect(result.problems).toEqual([
      'a.md: written with node 24 only',
      'manifest.json: first difference at byte 77 (line 7): node 24 `"version": "0.21.0"`, node 22 `"version": "0.24.0"`',
    ]);
    expect(result.stamps).toEqual([]);
    expect(report(result, same)).toMatch(/1 file\(s\) compared: 0 byte-identical; 2 difference\(s\)\n$/);
    const identical = compareOutputs(output({ 'manifest.json': manifest('0.21.0') }), output({ 'manifest.json': manifest('0.21.0') }), same);
    expect(identical.problems).toEqual([]);
    expect(report(identical, same)).toBe('1 file(s) compared: 1 byte-identical; identical\n');
  });
});
