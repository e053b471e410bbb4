/**
 * The MSK IAM lint rules and the Confluent Cloud editable-config rule, on topologies resolved from declarations and
 * edited by hand into states synth never writes (a wildcard resource, an extra action, a missing policy). Expectations
 * worked by hand from:
 * - AWS, "Create authorization policies for the IAM role": a `*` in the resource part is a wildcard,
 *   https://docs.aws.amazon.com/msk/latest/developerguide/create-iam-access-control-policies.html
 * - AWS, "Common use cases for client authorization policy": a consumer needs Connect, DescribeTopic + ReadData,
 *   DescribeGroup + AlterGroup, https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control-use-cases.html
 * - Confluent, "Configuration Reference for Topics in Confluent Cloud": `compression.type` Editable No,
 *   `retention.ms` / `cleanup.policy` Editable Yes, https://docs.confluent.io/cloud/current/topics/manage.html
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../rules/run';
import { iamGrantNeeded } from '../../rules/iam/grant-needed';
import { iamPolicyComplete } from '../../rules/iam/policy-complete';
import { iamWildcardResource } from '../../rules/iam/wildcard-resource';
import { aclPatternMode } from '../../rules/access/acl-pattern-mode';
import { confluentCloudEditableConfigs } from '../../rules/topic/confluent-cloud-editable';
import type { MskIamStatement, Topology } from '../../model/topology';
import { context, ordersDeclarations, producer, resolveTopology, violationsOf } from './helpers';

const MSK = {
  name: 'msk',
  production: true,
  replicationFactor: 3,
  minInsyncReplicas: 2,
  auth: { mechanism: 'aws-iam', aws: { clusterArn: 'arn:aws:kafka:eu-west-1:123456789012:cluster/shop/abcd-1234-ef' } },
} as const;

const msk = (): Topology => resolveTopology(ordersDeclarations(), MSK);

/** The topology with one principal's statements replaced. */
function withStatements(t: Topology, principal: string, edit: (s: readonly MskIamStatement[]) => MskIamStatement[]): Topology {
  const iam = t.mskIam;
  if (iam === undefined) throw new Error('not an aws-iam topology');
  return { ...t, mskIam: { ...iam, policies: iam.policies.map((p) => (p.principal === principal ? { ...p, statements: edit(p.statements) } : p)) } };
}

const run = (rule: typeof iamWildcardResource, t: Topology) => violationsOf(rule.check(t.environment, context(t))).map((v) => v.message);
const fields = (rule: typeof iamWildcardResource, t: Topology) => violationsOf(rule.check(t.environment, context(t))).map((v) => v.field);

/** The orders seed with payment-service also producing order-created: one principal, two clients needing Connect. */
function mskTwoClients(): Topology {
  const declarations = ordersDeclarations();
  return resolveTopology(
    { ...declarations, producers: [...declarations.producers, producer({ domain: 'orders', event: 'order-created' }, 'payment-service')] },
    MSK,
  );
}

describe('the MSK IAM rules on what synth writes', () => {
  it('find nothing on the derived policies (every action is one a declared client needs)', () => {
    const t = msk();
    expect(t.mskIam?.policies.length).toBeGreaterThan(0);
    for (const rule of [iamWildcardResource, iamGrantNeeded, iamPolicyComplete]) expect(rule.check(t.environment, context(t))).toEqual({ status: 'compliant' });
    expect(lint(t).filter((f) => f.ruleId.startsWith('TF-IAM-'))).toEqual([]);
  });

  it('do not apply without MSK IAM', () => {
    const t = resolveTopology(ordersDeclarations(), { name: 'dev', production: false, replicationFactor: 1, minInsyncReplicas: 1 });
    for (const rule of [iamWildcardResource, iamGrantNeeded, iamPolicyComplete]) {
      expect(rule.check(t.environment, context(t))).toEqual({ status: 'not-applicable' });
    }
  });
});

describe('TF-IAM-001 iamWildcardResource: a wildcard resource broader than the declared grant is an error', () => {
  it('fires on topic/<cluster>/* (an empty prefix: every topic)', () => {
    const t = withStatements(msk(), 'User:payment-service', (s) => [
      ...s,
      { actions: ['kafka-cluster:ReadData'], resources: [{ type: 'topic', name: '', prefix: true }] },
    ]);
    expect(run(iamWildcardResource, t)).toEqual([
      'IAM User:payment-service kafka-cluster:ReadData on topic *: every topic of the cluster is broader than any declared grant',
    ]);
    expect(fields(iamWildcardResource, t)).toEqual(['mskIam.policies["User:payment-service"]']);
    expect(lint(t).find((f) => f.ruleId === 'TF-IAM-001')?.level).toBe('error');
  });

  it('fires on a prefix no declaration states (orders.*)', () => {
    const t = withStatements(msk(), 'User:payment-service', (s) => [
      ...s,
      { actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'], resources: [{ type: 'topic', name: 'orders.', prefix: true }] },
    ]);
    expect(run(iamWildcardResource, t)).toEqual([
      'IAM User:payment-service kafka-cluster:DescribeTopic on topic orders.*: the wildcard topic orders.* is broader than any declared grant',
      'IAM User:payment-service kafka-cluster:ReadData on topic orders.*: the wildcard topic orders.* is broader than any declared grant',
    ]);
  });

  it('does not fire on the domain prefixes of acl.patterns: prefixed (TF-ACL-003 reports them instead)', () => {
    const t = resolveTopology(ordersDeclarations(), { ...MSK, acl: { patterns: 'prefixed' } });
    expect(iamWildcardResource.check(t.environment, context(t))).toEqual({ status: 'compliant' });
    const [message] = violationsOf(aclPatternMode.check(t.environment, context(t))).map((v) => v.message);
    expect(message).toMatch(
      /^acl\.patterns "prefixed" on MSK IAM access control: \d+ domain prefix resource\(s\) ending in \* in the policies of \d+ principal\(s\)/,
    );
  });
});

describe('TF-IAM-002 iamGrantNeeded: an action no declaration needs (TF-ACL-001 for IAM)', () => {
  it('does not fire on the derived policies', () => {
    const t = msk();
    expect(iamGrantNeeded.check(t.environment, context(t))).toEqual({ status: 'compliant' });
  });

  it('fires on an extra action on a topic the principal only reads', () => {
    const t = withStatements(msk(), 'User:payment-service', (s) => [
      ...s,
      { actions: ['kafka-cluster:WriteData'], resources: [{ type: 'topic', name: 'orders.order-created', prefix: false }] },
    ]);
    expect(run(iamGrantNeeded, t)).toEqual(['IAM User:payment-service kafka-cluster:WriteData on topic orders.order-created is needed by no declaration']);
    expect(fields(iamGrantNeeded, t)).toEqual(['mskIam.policies["User:payment-service"]']);
  });

  it('fires on a policy for a principal no declaration uses', () => {
    const t0 = msk();
    const iam = t0.mskIam;
    if (iam === undefined) throw new Error('no mskIam');
    const t = {
      ...t0,
      mskIam: {
        ...iam,
        policies: [
          ...iam.policies,
          {
            principal: 'User:ghost',
            statements: [{ actions: ['kafka-cluster:Connect' as const], resources: [{ type: 'cluster' as const, name: '', prefix: false }] }],
            neededBy: [],
          },
        ],
      },
    };
    expect(run(iamGrantNeeded, t)).toEqual(['IAM User:ghost kafka-cluster:Connect on cluster is needed by no declaration']);
  });
});

describe('TF-IAM-003 iamPolicyComplete: a declared client without its policy or an action it needs', () => {
  it('does not fire on the derived policies', () => {
    const t = msk();
    expect(iamPolicyComplete.check(t.environment, context(t))).toEqual({ status: 'compliant' });
  });

  it('fires when a consumer\'s policy lost ReadData on its topic ("Consume data")', () => {
    const t = withStatements(msk(), 'User:payment-service', (s) =>
      s.map((x) => (x.actions.includes('kafka-cluster:ReadData') ? { ...x, resources: x.resources.filter((r) => r.name !== 'orders.order-created') } : x)),
    );
    expect(run(iamPolicyComplete, t)).toEqual([
      'IAM User:payment-service kafka-cluster:DescribeTopic on topic orders.order-created is missing from the policy: consumer group orders.payment (payment-service) reads orders.order-created',
      'IAM User:payment-service kafka-cluster:ReadData on topic orders.order-created is missing from the policy: consumer group orders.payment (payment-service) reads orders.order-created',
    ]);
  });

  it('fires once for a principal with declared clients and no policy', () => {
    const t0 = msk();
    const iam = t0.mskIam;
    if (iam === undefined) throw new Error('no mskIam');
    const t = { ...t0, mskIam: { ...iam, policies: iam.policies.filter((p) => p.principal !== 'User:order-service') } };
    const found = run(iamPolicyComplete, t);
    // order-service only produces orders.order-created, with the idempotent default: the producer's write and the
    // idempotent write (Connect, which every client needs, is not repeated).
    expect(found).toEqual([
      'User:order-service has no MSK IAM policy, yet User:order-service writes with an idempotent producer (the Kafka client default since 3.0); producer order-service writes orders.order-created',
    ]);
    expect(fields(iamPolicyComplete, t)).toEqual(['mskIam.policies["User:order-service"]']);
  });

  it('names every client that needs a missing action, "; " between them, and a principal without a policy once', () => {
    // payment-service runs consumer group orders.payment (reads orders.order-created) and a producer of it (writes
    // it): DescribeTopic on that topic is needed by both ("Common use cases": consume and produce each need it).
    const t = mskTwoClients();
    expect(iamPolicyComplete.check(t.environment, context(t))).toEqual({ status: 'compliant' });
    const withoutTopic = withStatements(t, 'User:payment-service', (s) =>
      s.map((x) => ({ ...x, resources: x.resources.filter((r) => r.name !== 'orders.order-created') })),
    );
    const describeTopic = run(iamPolicyComplete, withoutTopic).find((m) =>
      m.startsWith('IAM User:payment-service kafka-cluster:DescribeTopic on topic orders.order-created'),
    );
    expect(describeTopic).toMatch(/ is missing from the policy: [^;]+; [^;]+$/);
    expect(describeTopic).toContain('consumer group orders.payment (payment-service) reads orders.order-created');
    expect(fields(iamPolicyComplete, withoutTopic)[0]).toBe('mskIam.policies["User:payment-service"]');
    const iam = t.mskIam;
    if (iam === undefined) throw new Error('no mskIam');
    const noPolicy = run(iamPolicyComplete, { ...t, mskIam: { ...iam, policies: iam.policies.filter((p) => p.principal !== 'User:payment-service') } });
    // One finding naming every declaration the principal fails, sorted, "; " between them: the group reads its topic,
    // joins its group and dead-letters to (and re-drives from) its DLQ; the producer writes, idempotent by default.
    expect(noPolicy).toEqual([
      'User:payment-service has no MSK IAM policy, yet ' +
        [
          'User:payment-service writes with an idempotent producer (the Kafka client default since 3.0)',
          'consumer group orders.payment (payment-service) dead-letters to and re-drives from orders.order-created.payment.dlq',
          'consumer group orders.payment (payment-service) joins its group',
          'consumer group orders.payment (payment-service) reads orders.order-created',
          'producer payment-service writes orders.order-created',
        ].join('; '),
    ]);
  });
});

describe('TF-CONFIG-003 confluentCloudEditableConfigs: topic configs Confluent Cloud does not allow to be set', () => {
  // Service accounts created by terraform: every principal needs one on Confluent Cloud (docs/confluent-cloud.md).
  const cc = {
    name: 'cc',
    production: false,
    replicationFactor: 3,
    minInsyncReplicas: 2,
    platform: 'confluent-cloud',
    confluent: { createServiceAccounts: true },
  } as const;

  it('fires on compression.type (Editable: No), not on retention.ms and cleanup.policy (Editable: Yes)', () => {
    const t = resolveTopology(ordersDeclarations(), cc);
    const topic = t.topics.find((x) => x.name === 'orders.order-created');
    if (topic === undefined) throw new Error('no topic');
    const edited = { ...topic, config: { ...topic.config, 'compression.type': 'zstd', 'retention.ms': '1', 'cleanup.policy': 'delete' } };
    expect(violationsOf(confluentCloudEditableConfigs.check(edited, context(t))).map((v) => [v.field, v.message])).toEqual([
      [
        'config["compression.type"]',
        'topic "orders.order-created" sets compression.type, which is not among the topic configs Confluent Cloud allows to be set',
      ],
    ]);
  });

  it('lists several refused configs sorted by name, whatever order the topic holds them in', () => {
    const t = resolveTopology(ordersDeclarations(), cc);
    const topic = t.topics.find((x) => x.name === 'orders.order-created');
    if (topic === undefined) throw new Error('no topic');
    // Both Editable: No on Confluent's reference page; given in reverse order of their names.
    const edited = { ...topic, config: { 'unclean.leader.election.enable': 'true', 'compression.type': 'zstd' } };
    expect(violationsOf(confluentCloudEditableConfigs.check(edited, context(t))).map((v) => v.field)).toEqual([
      'config["compression.type"]',
      'config["unclean.leader.election.enable"]',
    ]);
  });

  it('does not apply on apache-kafka (the default platform)', () => {
    const t = resolveTopology(ordersDeclarations(), { ...cc, platform: undefined, confluent: undefined });
    const [topic] = t.topics;
    if (topic === undefined) throw new Error('no topic');
    expect(confluentCloudEditableConfigs.check({ ...topic, config: { 'compression.type': 'zstd' } }, context(t))).toEqual({ status: 'not-applicable' });
    expect(t.environment.platform).toBeUndefined();
  });

  it('does not fire on what topicform derives for the seed topics', () => {
    const t = resolveTopology(ordersDeclarations(), cc);
    expect(t.environment.platform).toBe('confluent-cloud');
    expect(
      lint(t)
        .filter((f) => f.ruleId === 'TF-CONFIG-003')
        .map((f) => f.message),
    ).toEqual([]);
  });
});
