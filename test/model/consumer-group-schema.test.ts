/**
 * The cross-field rule of a consumer group's declaration (model/schema/consumer-group.ts): `Retries.exponential`
 * with attempts that are not a whole number from 1 to MAX_RETRY_TIERS is an error on `retries.attempts`, where the
 * user wrote it, even when other fields are wrong too. Mutation testing found no model test reaching it.
 */
import { describe, expect, it } from 'vitest';

import { Retries, retryPolicyOf } from '../../model/declare';
import { MAX_RETRY_TIERS } from '../../model/limits';
import { consumerGroupSchema, type ConsumerGroupInput } from '../../model/schema/consumer-group';

const GROUP: ConsumerGroupInput = {
  domain: 'billing',
  name: 'invoicing',
  service: 'invoicer',
  principal: 'User:invoicer',
  subscriptions: [{ topic: { domain: 'orders', event: 'order-placed' } }],
  source: { path: 'dev/billing/invoicing' },
};

/** The field paths and messages a parse reports; empty when it passes. */
function problems(value: unknown): string[] {
  const result = consumerGroupSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const withAttempts = (attempts: number, extra: Record<string, unknown> = {}): unknown => {
  const retries = Retries.exponential({ attempts, first: '1s' });
  return { ...GROUP, ...extra, retries, retryPolicy: retryPolicyOf(retries) };
};

const ATTEMPTS_ERROR = `retries.attempts: Retries.exponential needs a whole number of attempts from 1 to ${MAX_RETRY_TIERS}`;

describe('consumerGroupSchema: Retries.exponential attempts', () => {
  it('accepts a group without retries, with listed tiers, and with 1 to MAX_RETRY_TIERS exponential attempts', () => {
    expect(problems(GROUP)).toEqual([]);
    expect(problems({ ...GROUP, retries: ['1s', '1m'] })).toEqual([]);
    for (const attempts of [1, 3, MAX_RETRY_TIERS]) expect(problems(withAttempts(attempts))).toEqual([]);
  });

  it.each([0, -1, MAX_RETRY_TIERS + 1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d attempts on retries.attempts', (attempts) => {
    expect(problems(withAttempts(attempts))).toEqual([ATTEMPTS_ERROR]);
  });

  it('refuses attempts that are not a number (an untyped caller)', () => {
    expect(problems({ ...GROUP, retryPolicy: { kind: 'exponential', attempts: '3', first: '1s' } })).toEqual([ATTEMPTS_ERROR]);
  });

  it('reports bad attempts together with the errors of other fields, not after they are fixed', () => {
    expect(problems(withAttempts(0, { service: '' }))).toEqual([expect.stringMatching(/^service: /), ATTEMPTS_ERROR]);
  });

  it('says only what is wrong when the declaration is not an object at all', () => {
    expect(problems(null)).toEqual([expect.stringMatching(/^: /)]);
  });
});
