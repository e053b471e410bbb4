/**
 * `topicform access` on Amazon MSK with IAM access control, end to end: a real process on a fixture repository
 * (test/fixtures/apps/msk-iam) declaring the same orders domain on a SCRAM environment (`scram`, Kafka ACLs) and an
 * `aws-iam` one (`msk`, IAM policies, no ACLs). "Who can read orders.order-created" must get the same answer on both,
 * and on `msk` say that the access is an IAM policy action. Expected actions worked by hand from AWS's
 * "Common use cases for client authorization policy" (a consumer: DescribeTopic + ReadData on the topic; a producer:
 * DescribeTopic + WriteData), https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control-use-cases.html
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PrincipalReport, TopicReport } from '../../access/report';
import { ROOT, runTopicform } from '../helpers/cli';

const APP = join(ROOT, 'test', 'fixtures', 'apps', 'msk-iam', 'main.ts');
const access = (...args: string[]) => runTopicform(['access', '--app', APP, ...args]);

describe('topicform access on an aws-iam environment (a real process)', () => {
  it('--topic: the same readers and writers on msk (IAM policy) as on scram (ACLs)', () => {
    const result = access('--topic', 'orders.order-created', '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as TopicReport;
    const who = (env: string) =>
      report.entries
        .find((e) => e.environment === env)
        ?.principals.map((p) => ({ principal: p.principal, read: p.read, write: p.write, services: p.services, why: p.why }));
    expect(who('msk')).toEqual(who('scram'));
    expect(who('msk')).toEqual([
      { principal: 'User:order-service', read: false, write: true, services: ['order-service'], why: ['producer order-service writes orders.order-created'] },
      {
        principal: 'User:payment-service',
        read: true,
        write: false,
        services: ['payment-service'],
        why: ['consumer group orders.payment (payment-service) reads orders.order-created'],
      },
    ]);
    const msk = report.entries.find((e) => e.environment === 'msk');
    expect(msk?.principals.map((p) => [p.principal, p.operations, p.aclIds, p.iamActions])).toEqual([
      ['User:order-service', [], [], ['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData']],
      ['User:payment-service', [], [], ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData']],
    ]);
    const scram = report.entries.find((e) => e.environment === 'scram');
    expect(scram?.principals.every((p) => p.iamActions === undefined)).toBe(true);
  }, 60_000);

  it('--topic as text and Markdown says the grant is an IAM policy action, not an ACL', () => {
    const text = access('--topic', 'orders.order-created', '--env', 'msk');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('  User:payment-service: read [IAM policy: kafka-cluster:DescribeTopic, kafka-cluster:ReadData] — services payment-service');
    expect(text.stdout).toContain('not Kafka ACLs');
    const md = access('--topic', 'orders.order-created', '--env', 'msk', '--format', 'markdown');
    expect(md.stdout).toContain(
      '| `User:payment-service` | read | IAM policy: kafka-cluster:DescribeTopic, kafka-cluster:ReadData | payment-service | consumer group orders.payment (payment-service) reads orders.order-created |',
    );
    expect(md.stdout).toContain('IAM policy: MSK IAM policy actions (auth aws-iam; iam/<env>/<principal>.json), not Kafka ACLs.');
  }, 60_000);

  it('--principal: the same topics read and written on both, from IAM grants on msk', () => {
    const result = access('--principal', 'payment-service', '--format', 'json');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as PrincipalReport;
    const topics = (env: string) => report.topics.find((t) => t.environment === env);
    expect(topics('msk')).toEqual({ ...topics('scram'), environment: 'msk' });
    expect(topics('msk')).toEqual({
      environment: 'msk',
      read: ['orders.order-created', 'orders.order-created.payment.dlq'],
      write: ['orders.order-created.payment.dlq'],
    });
    expect(report.grants.filter((g) => g.environment === 'msk')).toEqual([]);
    // [USE-CASES] "Consume data": Connect; DescribeTopic + ReadData on the topic; DescribeGroup + AlterGroup on the group.
    // The DLQ adds DescribeTopic, ReadData and WriteData, and writing it WriteDataIdempotently.
    expect(report.iamGrants.map((g) => `${g.action} ${g.resourceType} ${g.resourceName}`).sort()).toEqual(
      [
        'kafka-cluster:AlterGroup group orders.payment',
        'kafka-cluster:Connect cluster ',
        'kafka-cluster:DescribeGroup group orders.payment',
        'kafka-cluster:DescribeTopic topic orders.order-created',
        'kafka-cluster:DescribeTopic topic orders.order-created.payment.dlq',
        'kafka-cluster:ReadData topic orders.order-created',
        'kafka-cluster:ReadData topic orders.order-created.payment.dlq',
        'kafka-cluster:WriteData topic orders.order-created.payment.dlq',
        'kafka-cluster:WriteDataIdempotently cluster ',
      ].sort(),
    );
    expect(report.iamGrants.find((g) => g.action === 'kafka-cluster:ReadData' && g.resourceName === 'orders.order-created')).toMatchObject({
      stack: 'msk',
      owner: { domain: 'orders', team: '@acme/orders-team' },
      why: ['consumer group orders.payment (payment-service) reads orders.order-created'],
    });
    const text = access('--principal', 'payment-service', '--env', 'msk');
    expect(text.stdout).toContain('MSK IAM policy actions (auth aws-iam; iam/<env>/<principal>.json), not Kafka ACLs:');
    expect(text.stdout).not.toMatch(/^ {2}ACLs:$/m);
  }, 60_000);
});
