// The Topology's list elements must share V8 hidden classes. An object built as `{ ...base, more }` in a loop gets a
// hidden class of its own (~500 bytes with its descriptors), which cost ~100 MB at 10,000 topics until the ACLs and
// companion topics were written out field by field. V8 can only tell through its natives syntax, so a child process
// with --allow-natives-syntax resolves the bench's app and counts the distinct hidden classes per list.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'topicform-shapes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SCRIPT = `
const { benchSpec } = require(${JSON.stringify(join(ROOT, 'bench/spec'))});
const { topicformApp } = require(${JSON.stringify(join(ROOT, 'bench/apps/topicform-app'))});
const { renderApp } = require(${JSON.stringify(join(ROOT, 'cli/render-app'))});
const { SOURCE_LIBRARY } = require(${JSON.stringify(join(ROOT, 'bench/apps/source-library'))});
const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)');
const app = topicformApp(benchSpec(Number(process.argv[2])), SOURCE_LIBRARY)(process.argv[3]);
const lists = { eventTopics: [], companionTopics: [], consumerGroups: [], producers: [], acls: [] };
for (const stack of renderApp(app).stacks) {
  const t = stack.topology;
  lists.eventTopics.push(...t.topics.filter((x) => x.kind === 'event'));
  lists.companionTopics.push(...t.topics.filter((x) => x.kind !== 'event'));
  lists.consumerGroups.push(...t.consumerGroups);
  lists.producers.push(...t.producers);
  lists.acls.push(...t.acls);
}
const counts = {};
for (const [name, list] of Object.entries(lists)) {
  const classes = [];
  for (const item of list) if (!classes.some((c) => sameMap(c, item))) classes.push(item);
  counts[name] = { items: list.length, hiddenClasses: classes.length };
}
process.stdout.write(JSON.stringify(counts));
`;

describe('the Topology of a large app', () => {
  it('builds each list from a handful of hidden classes, not one per element', () => {
    const file = join(scratch, 'shapes.cjs');
    writeFileSync(file, SCRIPT);
    const output = execFileSync(process.execPath, ['--allow-natives-syntax', '--require', 'tsx/cjs', file, '300', join(scratch, 'out')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const counts = JSON.parse(output) as Record<string, { items: number; hiddenClasses: number }>;

    expect(Object.keys(counts)).toEqual(['eventTopics', 'companionTopics', 'consumerGroups', 'producers', 'acls']);
    for (const [name, { items, hiddenClasses }] of Object.entries(counts)) {
      expect(items, name).toBeGreaterThanOrEqual(300);
      expect(hiddenClasses, name).toBeLessThanOrEqual(4);
    }
  }, 60_000);
});
