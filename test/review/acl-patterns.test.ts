/**
 * Review of an ACL pattern switch (environment `acl.patterns`): going from Literal to Prefixed ACLs in one apply is
 * blocked (terraform may delete the old ACLs before it creates the new ones), the two documented steps are moves, and
 * the switch back is judged the same way. Outputs are synthesized from the example's declarations in each mode.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { synthesize } from '../../cli/synth';
import { readOutput } from '../../cli/commands/review';
import { App } from '../../constructs/cdktf';
import { KafkaEnvironment } from '../../constructs';
import { environments } from '../../environments';
import type { EnvironmentInput } from '../../model/schema';
import type { AclPatternMode } from '../../model/vocabulary';
import { review } from '../../review/review';
import { domains } from '../../topics';

const work = mkdtempSync(join(tmpdir(), 'topicform-acl-patterns-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const STAGING = environments.find((e) => e.name === 'staging') as EnvironmentInput;

const outputs = new Map<AclPatternMode, string>();
function output(patterns: AclPatternMode): string {
  const known = outputs.get(patterns);
  if (known !== undefined) return known;
  const dir = join(work, patterns);
  const result = synthesize((outdir) => {
    const app = new App({ outdir, stackTraces: false });
    const env = new KafkaEnvironment(app, STAGING.name, { environment: { ...STAGING, acl: { patterns } } });
    for (const d of Object.keys(domains).sort()) domains[d]?.(env);
    return app;
  }, dir);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  outputs.set(patterns, dir);
  return dir;
}

const rules = (from: AclPatternMode, to: AclPatternMode): Record<string, number> => {
  const result = review({ base: readOutput(output(from), 'base'), head: readOutput(output(to), 'head'), plans: [] });
  const counts: Record<string, number> = {};
  for (const f of result.findings) counts[`${f.verdict} ${f.rule}`] = (counts[`${f.verdict} ${f.rule}`] ?? 0) + 1;
  return counts;
};

describe('review of an ACL pattern switch', () => {
  it('blocks literal → prefixed in one apply: every removed Literal ACL is replaced by a Prefixed ACL created in the same apply', () => {
    const found = rules('literal', 'prefixed');
    expect(Object.keys(found).sort()).toEqual(['BLOCK acl-pattern-switch-one-apply', 'MOVE acl-pattern-added']);
  });

  it('shows the first step (literal → literal-and-prefixed) as moves only: nothing is removed', () => {
    expect(Object.keys(rules('literal', 'literal-and-prefixed'))).toEqual(['MOVE acl-pattern-added']);
  });

  it('shows the second step (literal-and-prefixed → prefixed) as moves only: the Prefixed ACLs were applied before', () => {
    expect(Object.keys(rules('literal-and-prefixed', 'prefixed'))).toEqual(['MOVE acl-pattern-replaced']);
  });

  it('blocks the switch back in one apply, and lets it through in two steps', () => {
    expect(rules('prefixed', 'literal')['BLOCK acl-pattern-switch-one-apply']).toBeGreaterThan(0);
    expect(Object.keys(rules('prefixed', 'literal-and-prefixed'))).toEqual(['SAFE acl-added']);
    expect(Object.keys(rules('literal-and-prefixed', 'literal'))).toEqual(['MOVE acl-pattern-replaced']);
  });
});
