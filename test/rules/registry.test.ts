/**
 * The catalogue itself: ids, metadata, and a guard that every rule has its describe block in these tests with at least
 * one case that fires and one that does not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { META_RULES, RULE_IDS, RULES } from '../../rules/registry';
import { RULE_LEVELS } from '../../rules/types';

const TEST_DIR = __dirname;
// Contract rules are tested beside the contract checker they rely on (test/contracts/lint.test.ts).
const sources = [TEST_DIR, join(TEST_DIR, '..', 'contracts')].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') })),
);

/** The text of the describe block for `id` (up to the next top-level describe), and the file it is in. */
function describeBlock(id: string): { file: string; block: string } | undefined {
  for (const { file, text } of sources) {
    const start = text.search(new RegExp(`^describe\\((['"\`])${id} [A-Za-z]+: `, 'm'));
    if (start === -1) continue;
    const next = text.slice(start + 1).search(/^describe(\.skipIf\([^)]*\))?\(/m);
    return { file, block: next === -1 ? text.slice(start) : text.slice(start, start + 1 + next) };
  }
  return undefined;
}

describe('the rule registry', () => {
  const all = [...RULES, ...META_RULES];

  it('has unique ids shaped TF-<AREA>-<NNN>', () => {
    const ids = all.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^TF-[A-Z]+-\d{3}$/);
    expect([...RULE_IDS].sort()).toEqual([...ids].sort());
  });

  it.each(all.map((r) => [r.id, r] as const))('%s has a level, a one-line title, a rationale and a fix', (_id, rule) => {
    expect(RULE_LEVELS).toContain(rule.level);
    for (const text of [rule.title, rule.rationale, rule.fix]) {
      expect(text.trim().length).toBeGreaterThan(10);
      expect(text).not.toContain('\n');
    }
    expect(rule.title).toMatch(/\.$/); // a sentence (it may start with a config key: "min.insync.replicas …")
    expect(rule.fix).toMatch(/^[a-z]/);
  });
});

describe('rule test coverage (test/rules/*.test.ts, test/contracts/*.test.ts)', () => {
  it.each(RULES.map((r) => r.id))("%s has a describe('<id> <name>: …') block with a case that fires and one that does not", (id) => {
    const found = describeBlock(id);
    expect(found, `no describe('${id} <ruleName>: …') in test/rules`).toBeDefined();
    const titles = [...(found?.block ?? '').matchAll(/\bit(?:\.each\([^)]*\))?(?:\.fails)?\(\s*(['"`])(.*?)\1/gs)].map((m) => m[2] ?? '');
    expect(
      titles.some((t) => /^fires\b/.test(t)),
      `${id} in ${found?.file}: no case named "fires …" among ${JSON.stringify(titles)}`,
    ).toBe(true);
    expect(
      titles.some((t) => /does not (fire|apply)/.test(t)),
      `${id} in ${found?.file}: no case named "does not fire/apply …"`,
    ).toBe(true);
  });

  it.each(META_RULES.map((r) => r.id))('%s (a runner rule) is exercised in run.test.ts', (id) => {
    expect(sources.find((s) => s.file === 'run.test.ts')?.text).toContain(id === 'TF-LINT-001' ? 'UNKNOWN_RULE_SUPPRESSED' : 'UNUSED_SUPPRESSION');
  });
});
