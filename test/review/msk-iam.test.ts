/**
 * Review of Amazon MSK IAM grants (review/iam.ts, review/iam-classify.ts): on an `aws-iam` environment there are no
 * Kafka ACLs, so before these findings existed a removed `ReadData` a consumer needs reached terraform without a word.
 * Each expectation is worked by hand from the fixture's declarations and AWS's documentation:
 * - [USE-CASES] "Common use cases for client authorization policy" — a consumer needs Connect, DescribeTopic + ReadData
 *   on the topic and DescribeGroup + AlterGroup on its group; a producer DescribeTopic + WriteData; an idempotent one
 *   WriteDataIdempotently; a transactional one DescribeTransactionalId + AlterTransactionalId,
 *   https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control-use-cases.html
 * - [EVALUATION] IAM allows an action when any Allow statement matches it,
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import { describe, expect, it } from 'vitest';
import type { Construct } from 'constructs';
import { parseOutput } from '../../review/parse';
import { review } from '../../review/review';
import { renderMarkdown } from '../../review/render/markdown';
import { renderText } from '../../review/render/text';
import type { ReviewResult } from '../../review/types';
import type { EnvironmentInput } from '../../model/schema';
import type { Topology } from '../../model/topology';
import { synthStack } from '../helpers/synth';
import { MSK_IAM, shop } from '../model/msk-iam/fixture';

const PROD: EnvironmentInput = { ...MSK_IAM, production: true };

type MutableTopology = { -readonly [K in keyof Topology]: unknown } & {
  mskIam: {
    policies: Array<{ principal: string; statements: Array<{ actions: string[]; resources: Array<{ type: string; name: string; prefix: boolean }> }> }>;
  };
};

function output(label: string, declare: (s: Construct) => void, edit?: (t: MutableTopology) => void, environment = PROD) {
  const { json, topology } = synthStack(declare, environment);
  const t = structuredClone(topology) as unknown as MutableTopology;
  edit?.(t);
  return parseOutput(label, [
    {
      stack: environment.name,
      terraform: { file: `${label}/cdk.tf.json`, text: JSON.stringify(json) },
      topology: { file: `${label}/topology.json`, text: JSON.stringify(t) },
    },
  ]);
}

function reviewOf(head: (s: Construct) => void, edit?: (t: MutableTopology) => void, environment = PROD): ReviewResult {
  return review({ base: output('base', (s) => shop(s), undefined, environment), head: output('head', head, edit, environment) });
}

const iamFindings = (r: ReviewResult) => r.findings.filter((f) => f.subject.kind === 'iam-grant').map((f) => [f.verdict, f.id]);

/** Takes one action off one resource of a principal's policy, the way a hand edit or a changed derivation would. */
const dropAction = (principal: string, action: string, resourceName: string) => (t: MutableTopology) => {
  const policy = t.mskIam.policies.find((p) => p.principal === principal);
  if (policy === undefined) throw new Error(`no policy for ${principal}`);
  const out: typeof policy.statements = [];
  for (const s of policy.statements) {
    const hit = s.resources.filter((r) => r.name === resourceName);
    if (!s.actions.includes(action) || hit.length === 0) {
      out.push(s);
      continue;
    }
    const others = s.resources.filter((r) => r.name !== resourceName);
    if (others.length > 0) out.push({ actions: s.actions, resources: others });
    const rest = s.actions.filter((a) => a !== action);
    if (rest.length > 0) out.push({ actions: rest, resources: hit });
  }
  policy.statements = out;
};

const TOPIC = 'shop.order-created';

describe('review of MSK IAM grants', () => {
  it('has no IAM finding when nothing changes', () => {
    expect(iamFindings(reviewOf((s) => shop(s)))).toEqual([]);
  });

  // Each of these failed before review read mskIam: the review had no finding at all.
  it.each([
    ['User:payment-service', 'kafka-cluster:ReadData', TOPIC, 'consumer group shop.payment reads shop.order-created', 'consumption stops'],
    ['User:payment-service', 'kafka-cluster:AlterGroup', 'shop.payment', 'consumer group shop.payment joins its group', 'cannot join its consumer group'],
    ['User:order-service', 'kafka-cluster:WriteData', TOPIC, 'producer order-service writes shop.order-created', 'writes fail'],
    ['User:ledger-service', 'kafka-cluster:AlterTransactionalId', 'ledger-tx-', 'producer ledger-service uses transactional ids ledger-tx-*', 'transactions'],
  ])('blocks %s losing %s on %s: the client still declared needs it', (principal, action, resource, client, breaks) => {
    const r = reviewOf((s) => shop(s), dropAction(principal, action, resource));
    const blocked = r.findings.filter((f) => f.verdict === 'BLOCK');
    expect(blocked.map((f) => f.rule)).toEqual(['iam-grant-removed-still-needed']);
    const [f] = blocked;
    expect(f?.title).toContain(`IAM ${principal} ${action} on`);
    expect(f?.reason).toContain(client);
    expect(f?.reason).toContain(breaks);
    expect(r.summary.blocking).toBe(1);
  });

  it('blocks a removed Connect: every client of the principal needs it first ([USE-CASES])', () => {
    const r = reviewOf((s) => shop(s), dropAction('User:notification-service', 'kafka-cluster:Connect', ''));
    expect(iamFindings(r)).toEqual([['BLOCK', 'msk/iam:User:notification-service|kafka-cluster:Connect|cluster||Literal/iam-grant-removed-still-needed']]);
  });

  it('blocks a removed WriteDataIdempotently of an idempotent producer, and not that of a producer declared idempotent: false', () => {
    const idempotent = reviewOf((s) => shop(s), dropAction('User:order-service', 'kafka-cluster:WriteDataIdempotently', ''));
    expect(iamFindings(idempotent).map(([v]) => v)).toEqual(['BLOCK']);
    // audit-service has no WriteDataIdempotently to lose; give it one in base by hand and drop it in head: nobody needs it.
    const r = review({
      base: output(
        'base',
        (s) => shop(s),
        (t) => {
          const p = t.mskIam.policies.find((x) => x.principal === 'User:audit-service');
          p?.statements.push({ actions: ['kafka-cluster:WriteDataIdempotently'], resources: [{ type: 'cluster', name: '', prefix: false }] });
        },
      ),
      head: output('head', (s) => shop(s)),
    });
    expect(iamFindings(r)).toEqual([['WARN', 'msk/iam:User:audit-service|kafka-cluster:WriteDataIdempotently|cluster||Literal/iam-access-removed']]);
  });

  it('blocks outside production too, exactly as a removed ACL a client needs', () => {
    const r = reviewOf((s) => shop(s), dropAction('User:payment-service', 'kafka-cluster:ReadData', TOPIC), MSK_IAM);
    expect(iamFindings(r).map(([v, id]) => [v, id?.split('/').at(-1)])).toEqual([['BLOCK', 'iam-grant-removed-still-needed']]);
  });

  it('warns, and does not block, when the grants leave with their consumer group', () => {
    const r = reviewOf((s) => shopWithout(s, 'notification'));
    const iam = r.findings.filter((f) => f.subject.kind === 'iam-grant');
    expect(new Set(iam.map((f) => f.rule))).toEqual(new Set(['iam-access-removed']));
    // [USE-CASES] consumer: Connect on the cluster, DescribeTopic + ReadData on the topic, DescribeGroup + AlterGroup on the group.
    expect(iam.map((f) => (f.subject.kind === 'iam-grant' ? f.subject.id : '')).sort()).toEqual(
      [
        'User:notification-service|kafka-cluster:AlterGroup|group|shop.notification|Literal',
        'User:notification-service|kafka-cluster:Connect|cluster||Literal',
        'User:notification-service|kafka-cluster:DescribeGroup|group|shop.notification|Literal',
        'User:notification-service|kafka-cluster:DescribeTopic|topic|shop.order-created|Literal',
        // The group's dead-letter topic: it reads (re-drive) and writes it.
        'User:notification-service|kafka-cluster:DescribeTopic|topic|shop.order-created.notification.dlq|Literal',
        'User:notification-service|kafka-cluster:ReadData|topic|shop.order-created|Literal',
        'User:notification-service|kafka-cluster:ReadData|topic|shop.order-created.notification.dlq|Literal',
        'User:notification-service|kafka-cluster:WriteData|topic|shop.order-created.notification.dlq|Literal',
        'User:notification-service|kafka-cluster:WriteDataIdempotently|cluster||Literal',
      ].sort(),
    );
    const read = iam.find((f) => f.subject.kind === 'iam-grant' && f.subject.id.includes('ReadData|topic|shop.order-created|'));
    expect(read?.reason).toContain('it was needed by: consumer group shop.notification (notification-service) reads shop.order-created');
  });

  it("lists a new consumer group's grants as SAFE additions", () => {
    const r = review({ base: output('base', (s) => shopWithout(s, 'notification')), head: output('head', (s) => shop(s)) });
    const iam = r.findings.filter((f) => f.subject.kind === 'iam-grant');
    expect(iam).toHaveLength(9);
    expect(new Set(iam.map((f) => `${f.verdict} ${f.rule}`))).toEqual(new Set(['SAFE iam-grant-added']));
  });

  it('takes a literal grant replaced by a prefix that still covers it as SAFE, and warns of the unexplained prefix ([EVALUATION])', () => {
    const widen = (t: MutableTopology) => {
      const policy = t.mskIam.policies.find((p) => p.principal === 'User:payment-service');
      for (const s of policy?.statements ?? []) {
        if (s.actions.includes('kafka-cluster:ReadData')) s.resources = [{ type: 'topic', name: 'shop.', prefix: true }];
      }
    };
    const r = reviewOf((s) => shop(s), widen);
    const rules = iamFindings(r).map(([v, id]) => `${v} ${id?.split('/').at(-1) ?? ''}`);
    expect(rules.filter((x) => x.startsWith('BLOCK'))).toEqual([]);
    expect(rules).toContain('WARN iam-wildcard-grant-added');
    expect(rules).toContain('SAFE iam-grant-covered');
  });

  it('shows IAM findings in the Markdown comment and the terminal table', () => {
    const r = reviewOf((s) => shop(s), dropAction('User:payment-service', 'kafka-cluster:ReadData', TOPIC));
    const md = renderMarkdown(r);
    expect(md).toContain('kafka-cluster:ReadData');
    expect(md).toContain('User:payment-service');
    const text = renderText(r);
    expect(text).toContain('IAM User:payment-service kafka-cluster:ReadData on topic shop.order-created removed while still needed');
  });
});

/** The fixture's domain without one of its consumer groups (the same declarations otherwise). */
const shopWithout = (scope: Construct, group: string): void => shop(scope, false, [group]);

describe('the access section on an aws-iam environment', () => {
  it('lists IAM access changes like ACL ones, marked as the MSK IAM policy', () => {
    const r = reviewOf((s) => shopWithout(s, 'notification'));
    const topic = r.access.changes.find((c) => c.principal === 'User:notification-service' && c.resource.type === 'Topic' && c.resource.name === TOPIC);
    expect(topic).toMatchObject({
      kind: 'revoked',
      via: 'msk-iam',
      before: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'],
      after: [],
      owner: '@acme/shop',
      stack: 'msk',
      why: ['consumer group shop.notification (notification-service) reads shop.order-created'],
    });
    expect(topic?.message).toContain(
      'User:notification-service loses kafka-cluster:DescribeTopic, kafka-cluster:ReadData on topic shop.order-created (MSK IAM policy, not an ACL)',
    );
    expect(r.access.requiredReviewers).toEqual(['@acme/shop']);
  });
});
