/**
 * Why each MSK IAM grant exists, one grant at a time (model/msk-iam/reasons.ts), and the grants' inputs as a
 * Topology holds them. Expected reasons by hand: each is the `neededBy` text of the declaration (model/acl.ts,
 * model/acl-streams.ts) or the principal-wide reason of Connect ([USE-CASES]: Connect first in every row) and
 * WriteDataIdempotently ([USE-CASES] "Produce data idempotently", idempotent by default since Kafka 3.0, KIP-679).
 * [USE-CASES]: https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control-use-cases.html
 * Synthesized inside each test, so a mutation run sees every call under its mutant.
 */
import type { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { KafkaPrincipal } from '../../../constructs';
import { connectWhy, grantsOfTopology, iamGrantReasons } from '../../../model/msk-iam/reasons';
import { synthStack } from '../../helpers/synth';
import { addTotals, MSK_IAM, shop, shopDomain } from './fixture';

/**
 * A Streams application whose principal also produces to its input topic, and a consumer group with no dead-letter
 * topic (it only reads).
 */
function readersAndWriters(stack: Construct): void {
  const { domain, created } = shopDomain(stack);
  created.addConsumerGroup('report', {
    service: 'report-service',
    principal: KafkaPrincipal.user('report-service'),
    idempotency: 'reports are rebuilt from scratch',
    deadLetter: false,
    suppressions: [{ ruleId: 'TF-GROUP-003', reason: 'a report run that meets a bad record fails and is run again by hand' }],
  });
  addTotals(domain, created);
  created.grantProduce(KafkaPrincipal.user('order-totals'), { service: 'order-totals' });
}

const IDEMPOTENT = (principal: string): string => `${principal} writes with an idempotent producer (the Kafka client default since 3.0)`;

describe('iamGrantReasons', () => {
  it('gives Connect its reason, for every principal', () => {
    expect(connectWhy('User:a')).toBe('every client of User:a connects and authenticates first');
    const reasons = iamGrantReasons(grantsOfTopology(synthStack((s) => shop(s), MSK_IAM).topology));
    expect(reasons.get('User:audit-service|kafka-cluster:Connect|cluster||Literal')).toEqual([
      'every client of User:audit-service connects and authenticates first',
    ]);
    expect(reasons.get('User:shop-sink|kafka-cluster:Connect|cluster||Literal')).toEqual(['every client of User:shop-sink connects and authenticates first']);
  });

  it('gives WriteDataIdempotently to an idempotent writer only: not to a producer declared idempotent: false', () => {
    const reasons = iamGrantReasons(grantsOfTopology(synthStack((s) => shop(s), MSK_IAM).topology));
    expect(reasons.get('User:order-service|kafka-cluster:WriteDataIdempotently|cluster||Literal')).toEqual([IDEMPOTENT('User:order-service')]);
    expect(reasons.has('User:audit-service|kafka-cluster:WriteDataIdempotently|cluster||Literal')).toBe(false);
    expect(reasons.get('User:audit-service|kafka-cluster:WriteData|topic|shop.order-created|Literal')).toEqual([
      'producer audit-service writes shop.order-created',
    ]);
  });

  it('gives no WriteDataIdempotently to a reader that writes nothing', () => {
    const reasons = iamGrantReasons(grantsOfTopology(synthStack(readersAndWriters, MSK_IAM).topology));
    expect(reasons.get('User:report-service|kafka-cluster:ReadData|topic|shop.order-created|Literal')).toEqual([
      'consumer group shop.report (report-service) reads shop.order-created',
    ]);
    // [USE-CASES] "Consume data": Connect, DescribeGroup + AlterGroup on the group, DescribeTopic + ReadData on the topic.
    expect([...reasons.keys()].filter((id) => id.startsWith('User:report-service|')).sort()).toEqual([
      'User:report-service|kafka-cluster:AlterGroup|group|shop.report|Literal',
      'User:report-service|kafka-cluster:Connect|cluster||Literal',
      'User:report-service|kafka-cluster:DescribeGroup|group|shop.report|Literal',
      'User:report-service|kafka-cluster:DescribeTopic|topic|shop.order-created|Literal',
      'User:report-service|kafka-cluster:ReadData|topic|shop.order-created|Literal',
    ]);
  });

  it('sorts the reasons of a grant two declarations need: its Read ACL comes first, "producer" sorts first', () => {
    const reasons = iamGrantReasons(grantsOfTopology(synthStack(readersAndWriters, MSK_IAM).topology));
    // DescribeTopic comes with both ReadData (the application reads) and WriteData (the producer writes).
    expect(reasons.get('User:order-totals|kafka-cluster:DescribeTopic|topic|shop.order-created|Literal')).toEqual([
      'producer order-totals writes shop.order-created',
      'streams application shop.totals (order-totals) reads shop.order-created',
    ]);
    expect(reasons.get('User:order-totals|kafka-cluster:WriteDataIdempotently|cluster||Literal')).toEqual([IDEMPOTENT('User:order-totals')]);
  });
});

describe('grantsOfTopology', () => {
  it('reads a Topology without Streams applications as none', () => {
    const { topology } = synthStack((s) => shop(s), MSK_IAM);
    const without = { ...topology };
    delete without.streamsApplications; // optional in a Topology: absent before Streams applications existed
    expect(grantsOfTopology(without).streamsApplications).toEqual([]);
    expect(grantsOfTopology(topology).streamsApplications.map((a) => a.principal)).toEqual(['User:order-totals']);
  });
});
