/**
 * A construct finds its domain one way, `Domain.of` (or `Domain.tryOf` where a missing domain is a located declaration
 * error): the nearest enclosing Domain, however deep the construct sits under it.
 */
import { describe, expect, it } from 'vitest';
import { Construct, Testing } from '../../constructs/cdktf';
import { ConsumerGroup, Domain, EventTopic, KafkaPrincipal, KafkaStack, LegacyAcl, Replay } from '../../constructs';
import { DEV } from '../helpers/synth';

const DOMAIN = { owner: '@acme/orders', description: 'Orders', recoveryProcedure: 'docs/runbooks/orders.md' } as const;
const TOPIC = { eventTypes: ['OrderCreated'], ordering: 'none', partitions: 3, replay: Replay.window('7d') } as const;
const GROUP = {
  service: 'payment-service',
  principal: KafkaPrincipal.user('payment-service'),
  idempotency: 'payment id is unique per order; duplicates are ignored',
} as const;

function stack(): KafkaStack {
  return new KafkaStack(Testing.app(), 'dev', { environment: DEV });
}

describe('Domain.of', () => {
  it('finds the nearest Domain through constructs a user groups declarations in', () => {
    const s = stack();
    const domain = new Domain(s, 'orders', DOMAIN);
    const topic = new EventTopic(new Construct(domain, 'checkout'), 'order-created', TOPIC);
    expect(Domain.of(topic)).toBe(domain);
    expect(Domain.of(domain)).toBe(domain);
    expect(topic.topicRef).toEqual({ domain: 'orders', event: 'order-created' });
  });

  it('lets a topic nested under a construct in a domain declare its consumer group in that domain', () => {
    const s = stack();
    const domain = new Domain(s, 'orders', DOMAIN);
    const topic = new EventTopic(new Construct(domain, 'checkout'), 'order-created', TOPIC);
    const group = topic.addConsumerGroup('payment', GROUP);
    expect(group.node.scope).toBe(domain);
    expect(s.render().issues.filter((i) => (i.severity ?? 'error') === 'error')).toEqual([]);
    expect(s.topology?.consumerGroups.map((g) => [g.domain, g.groupId])).toEqual([['orders', 'orders.payment']]);
  });

  it('uses the declared name, not the construct id a duplicate domain gets', () => {
    const s = stack();
    new Domain(s, 'orders', DOMAIN);
    const second = new Domain(s, 'orders', DOMAIN);
    expect(second.node.id).toBe('orders (2)');
    expect(Domain.of(second.addEventTopic('order-paid', TOPIC)).domainName).toBe('orders');
  });

  it('names the construct path and what to write instead when there is no Domain', () => {
    const s = stack();
    expect(Domain.tryOf(s)).toBeUndefined();
    expect(() => Domain.of(s)).toThrow('dev is not inside a Domain');
    expect(() => new EventTopic(s, 'order-created', TOPIC)).toThrow(
      'dev/order-created is not inside a Domain (declare event topics with domain.addEventTopic)',
    );
  });

  it('reports a consumer group or legacy ACL outside any Domain as a located declaration error, not a throw', () => {
    const s = stack();
    const domain = new Domain(s, 'orders', DOMAIN);
    domain.addEventTopic('order-created', TOPIC);
    new ConsumerGroup(s, 'payment', GROUP).subscribe({ domain: 'orders', event: 'order-created' });
    new LegacyAcl(s, 'legacy', {
      principal: 'User:legacy-app',
      operation: 'Read',
      permission: 'Allow',
      resourceType: 'Topic',
      resourceName: 'orders.order-created',
      reason: 'an old reporting job still reads it',
    });
    const errors = s.render().issues.filter((i) => (i.severity ?? 'error') === 'error');
    expect(
      errors
        .filter((i) => i.path === 'domain')
        .map((i) => i.source.path)
        .sort(),
    ).toEqual(['dev/legacy', 'dev/payment']);
  });
});
