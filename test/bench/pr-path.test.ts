/**
 * The bench's pull-request path (bench/pr-path.ts) at a size a test can afford: 4 topics in two domain stacks, one
 * round. It runs what the GitHub workflows run — synth of base and head, review, `topicform guard --base` and
 * terraform init + plan of the stacks the guard's `.plan` lists, against the provider double with the state an apply
 * of the base left — so it is also the proof that a change to one stack plans only that stack, and that an output
 * byte-identical to the base plans nothing. Times are not asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { prBaseSpec, prHeadSpec, prPathRound, type PrRun } from '../../bench/pr-path';
import { describeWithTerraform } from '../double/terraform-suite';

const root = mkdtempSync(join(tmpdir(), 'topicform-pr-path-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('derives each scenario head from the base: one topic, one domain, the environment, or nothing', () => {
  const base = prBaseSpec(4, 2);
  expect(base.domains.map((d) => d.topics.length)).toEqual([2, 2]);
  expect(base.environment.backend).toMatchObject({ type: 's3' });
  const oneTopic = prHeadSpec(base, 'one topic');
  expect(oneTopic.domains[0]?.topics[0]?.peakMessagesPerSecond).toBe((base.domains[0]?.topics[0]?.peakMessagesPerSecond ?? 0) * 3);
  expect(oneTopic.domains[0]?.topics[1]).toBe(base.domains[0]?.topics[1]);
  expect(oneTopic.domains[1]).toBe(base.domains[1]);
  const oneDomain = prHeadSpec(base, 'one domain');
  expect(oneDomain.domains[0]).toBe(base.domains[0]);
  expect(oneDomain.domains[1]?.topics.map((t) => t.replayDays)).toEqual(base.domains[1]?.topics.map((t) => t.replayDays + 3));
  expect(prHeadSpec(base, 'environment').environment.scaling).toEqual({ replayWindow: 0.5 });
  expect(prHeadSpec(base, 'upgrade, nothing changed')).toBe(base);
});

describeWithTerraform('a pull request end to end, two domain stacks', () => {
  let runs: PrRun[];
  beforeAll(async () => {
    runs = await prPathRound({ topics: 4, perDomain: 2, repeat: 1, scenarios: ['one topic', 'upgrade, nothing changed'] }, join(root, 'small'), 0, () => {});
  }, 600_000);

  it('plans only the stack whose Terraform changed, and terraform finds the change there', () => {
    const [oneTopic] = runs;
    expect(oneTopic).toMatchObject({ scenario: 'one topic', stacks: 2, toPlan: 1, estimated: false });
    expect(oneTopic?.plans.map((p) => [p.stack, p.exitCode])).toEqual([['prod-domain-000', 2]]);
  });

  it('plans nothing when the output is byte-identical to the base (an upgrade that changes nothing)', () => {
    expect(runs[1]).toMatchObject({ scenario: 'upgrade, nothing changed', stacks: 2, toPlan: 0, plans: [] });
  });
});
