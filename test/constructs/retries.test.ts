/**
 * `Retries.exponential` with a number of attempts that is not a whole number from 1 to MAX_RETRY_TIERS is a declaration
 * error on the consumer group's `retries` field — not an empty list that makes the retry tiers disappear.
 */
import { describe, expect, it } from 'vitest';
import { Testing } from '../../constructs/cdktf';
import { Domain, KafkaPrincipal, KafkaStack, Replay, Retries } from '../../constructs';
import { MAX_RETRY_TIERS } from '../../model/limits';
import { DEV } from '../helpers/synth';

function declareWith(retries: readonly string[]): KafkaStack {
  const stack = new KafkaStack(Testing.app(), 'dev', { environment: DEV });
  const domain = new Domain(stack, 'orders', { owner: '@acme/orders', description: 'Orders', recoveryProcedure: 'docs/runbooks/orders.md' });
  const topic = domain.addEventTopic('order-created', { eventTypes: ['OrderCreated'], ordering: 'none', partitions: 3, replay: Replay.window('7d') });
  topic.addConsumerGroup('payment', {
    service: 'payment-service',
    principal: KafkaPrincipal.user('payment-service'),
    idempotency: 'payment id is unique per order; duplicates are ignored',
    retries: retries as never,
  });
  return stack;
}

describe('Retries.exponential', () => {
  it.each([-1, 0, 2.5, Number.NaN, MAX_RETRY_TIERS + 1, 1e9])('fails with %s attempts, on the group’s retries field, and synthesizes nothing', (attempts) => {
    const stack = declareWith(Retries.exponential({ attempts, first: '1s' }));
    const issues = stack.render().issues.filter((i) => (i.severity ?? 'error') === 'error');
    expect(issues.map((i) => [i.source.path, i.path, i.message])).toEqual([
      ['dev/orders/payment', 'retries.attempts', `Retries.exponential needs a whole number of attempts from 1 to ${MAX_RETRY_TIERS}`],
    ]);
    expect(stack.topology).toBeNull();
    expect(() => Testing.synth(stack, true)).toThrow(/retries\.attempts: Retries\.exponential needs a whole number of attempts/);
  });

  it('gives the declared tiers for a valid number of attempts', () => {
    const stack = declareWith(Retries.exponential({ attempts: 3, first: '1s' }));
    expect(stack.render().issues).toEqual([]);
    expect(stack.topology?.topics.filter((t) => t.kind === 'retry').map((t) => t.name)).toEqual([
      'orders.order-created.payment.retry-1',
      'orders.order-created.payment.retry-2',
      'orders.order-created.payment.retry-3',
    ]);
  });

  it('names a malformed delay on `retries[i]`, the prop the user wrote (not the model’s former `retryDelays`)', () => {
    const stack = declareWith(['1s', '1.5s']);
    const issues = stack.render().issues.filter((i) => (i.severity ?? 'error') === 'error');
    expect(issues.map((i) => [i.source.path, i.path])).toEqual([['dev/orders/payment', 'retries[1]']]);
  });

  it('still reads as a plain list of delays', () => {
    expect(Retries.exponential({ attempts: 3, first: '1s' })).toEqual(['1s', '2s', '4s']);
    expect(JSON.parse(JSON.stringify(Retries.exponential({ attempts: 2, first: '5m' })))).toEqual(['5m', '10m']);
  });
});
