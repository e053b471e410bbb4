/**
 * The bench's pull-request path (bench/pr-path.ts) at a size a test can afford: 10 topics in two domain stacks, one
 * round of all four scenarios, the report rendered as `npm run bench -- --pr-path` prints it, so the bench cannot
 * drift from the commands and the workflows it times. It runs what the GitHub workflows run — synth of base and head
 * with `--no-artifacts`, review, `topicform guard --base` and
 * terraform init + plan of the stacks the guard's `.plan` lists, against the provider double with the state an apply
 * of the base left — so it is also the proof that a change to one stack plans only that stack, and that an output
 * byte-identical to the base plans nothing. Times are not asserted.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PR_SCENARIOS, prBaseSpec, prHeadSpec, prPathRound, type PrRun } from '../../bench/pr-path';
import { prMarkdown } from '../../bench/terraform-run';
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
    // --max-plans 1: the environment change lists both stacks and plans one, so the estimate is exercised too.
    runs = await prPathRound({ topics: 10, perDomain: 5, repeat: 1, maxPlans: 1 }, join(root, 'small'), 0, () => {});
  }, 900_000);

  it('runs every scenario of the issue, in order', () => {
    expect(runs.map((r) => r.scenario)).toEqual([...PR_SCENARIOS]);
  });

  it('synthesizes base and head as the workflows do, with --no-artifacts: the manifest and the stacks, nothing else', () => {
    const round = join(root, 'small', 'round-0');
    for (const out of [join(round, 'base'), join(round, 'one-topic', 'head')]) {
      expect(readdirSync(out).sort(), out).toEqual(['manifest.json', 'stacks']);
      expect(readdirSync(join(out, 'stacks', 'prod-domain-000')).sort()).toEqual(['cdk.tf.json', 'topology.json']);
    }
  });

  it('one topic: plans only the stack whose Terraform changed, and terraform finds the change there', () => {
    const oneTopic = runs[0];
    expect(oneTopic).toMatchObject({ scenario: 'one topic', stacks: 2, toPlan: 1, estimated: false });
    expect(oneTopic?.plans.map((p) => [p.stack, p.exitCode])).toEqual([['prod-domain-000', 2]]);
  });

  it('one domain: plans that domain’s stack only', () => {
    expect(runs[1]).toMatchObject({ scenario: 'one domain', stacks: 2, toPlan: 1 });
    expect(runs[1]?.plans.map((p) => [p.stack, p.exitCode])).toEqual([['prod-domain-001', 2]]);
  });

  it('an environment change: every stack is listed; beyond --max-plans the total is an estimate', () => {
    expect(runs[2]).toMatchObject({ scenario: 'environment', stacks: 2, toPlan: 2, estimated: true });
    expect(runs[2]?.plans).toHaveLength(1);
  });

  it('plans nothing when the output is byte-identical to the base (an upgrade that changes nothing)', () => {
    expect(runs[3]).toMatchObject({ scenario: 'upgrade, nothing changed', stacks: 2, toPlan: 0, plans: [] });
    expect(runs[3]?.cpuMs.plans).toBe(0);
  });

  it('adds up: the total is the steps one after the other, CPU counted per step, the load recorded', () => {
    for (const run of runs) {
      const steps = run.synthBaseMs + run.synthHeadMs + run.reviewMs + run.guardMs;
      expect(run.totalMs).toBeGreaterThanOrEqual(steps);
      expect(run.cachedBaseMs).toBeCloseTo(run.totalMs - run.synthBaseMs, 6);
      expect(Object.values(run.cpuMs).reduce((a, b) => a + b, 0)).toBeCloseTo(run.totalCpuMs, 6);
      expect(run.loadAverage).toBeGreaterThanOrEqual(0);
    }
  });

  it('renders the report the bench prints: a row per scenario, and where the CPU goes', () => {
    const context = { node: 'v0', cpus: '2 × test', loadAtStart: '1.0', loadAtEnd: '1.0', repeat: 1, seconds: 1 };
    const report = prMarkdown([{ topics: 10, runs }], context);
    for (const scenario of PR_SCENARIOS) expect(report.match(new RegExp(`^\\| 10 \\| ${scenario} \\|`, 'gm'))).toHaveLength(2);
    expect(report).toContain('| 10 | environment | 2 of 2 (1 planned) |');
    expect(report).toContain('CPU time per step');
  });
});
