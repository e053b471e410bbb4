import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { MAX_TOPIC_NAME_LENGTH } from '../../model/limits';
import {
  checkTopicName,
  deadLetterTopicName,
  defaultGroupId,
  eventTopicName,
  groupPart,
  isInternalTopic,
  metricCollisionKey,
  retryTopicName,
  topicAddress,
} from '../../model/naming';

const TERRAFORM_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Any legal Kafka topic name: `[a-zA-Z0-9._-]`, 1..249 characters, not `.` or `..`. */
const legalTopicName = fc.string({ unit: fc.constantFrom(...'abtXYZ019._-'), minLength: 1, maxLength: 40 }).filter((name) => name !== '.' && name !== '..');

/** A kebab name as the schemas allow for domains, events and groups. */
const kebab = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);

describe('eventTopicName', () => {
  it.each([
    ['', 'orders', 'order-created', 'orders.order-created'],
    ['staging.', 'orders', 'order-created', 'staging.orders.order-created'],
    ['dev-', 'search', 'document-changed', 'dev-search.document-changed'],
  ])('with prefix %j, domain %j and event %j is %j', (prefix, domain, event, expected) => {
    expect(eventTopicName(prefix, domain, event)).toBe(expected);
  });
});

describe('groupPart', () => {
  it('is the short name when the group belongs to the topic domain', () => {
    expect(groupPart('orders', 'orders', 'payment')).toBe('payment');
  });

  it('is <consumer-domain>.<group> when the group belongs to another domain', () => {
    expect(groupPart('orders', 'billing', 'payment')).toBe('billing.payment');
  });

  it('keeps two domains’ groups of the same name apart', () => {
    fc.assert(
      fc.property(kebab, kebab, kebab, kebab, (topicDomain, a, b, group) => {
        fc.pre(a !== b);
        expect(groupPart(topicDomain, a, group)).not.toBe(groupPart(topicDomain, b, group));
      }),
    );
  });
});

describe('companion topic names', () => {
  it('names a dead-letter topic <topic>.<group>.dlq', () => {
    expect(deadLetterTopicName('orders.order-created', 'payment')).toBe('orders.order-created.payment.dlq');
  });

  it('names a cross-domain dead-letter topic <topic>.<consumer-domain>.<group>.dlq', () => {
    expect(deadLetterTopicName('orders.order-created', groupPart('orders', 'billing', 'invoicing'))).toBe('orders.order-created.billing.invoicing.dlq');
  });

  it.each([1, 2, 3])('names retry tier %i <topic>.<group>.retry-<n>', (tier) => {
    expect(retryTopicName('orders.order-created', 'payment', tier)).toBe(`orders.order-created.payment.retry-${tier}`);
  });

  it('names the default group id <domain>.<group>', () => {
    expect(defaultGroupId('orders', 'payment')).toBe('orders.payment');
  });

  it('never gives a dead-letter topic and a retry topic the same name', () => {
    fc.assert(
      fc.property(kebab, kebab, fc.integer({ min: 1, max: 20 }), (groupA, groupB, tier) => {
        expect(deadLetterTopicName('d.e', groupA)).not.toBe(retryTopicName('d.e', groupB, tier));
      }),
    );
  });
});

describe('checkTopicName', () => {
  it(`accepts a name of ${MAX_TOPIC_NAME_LENGTH} characters`, () => {
    expect(checkTopicName('a'.repeat(MAX_TOPIC_NAME_LENGTH))).toEqual([]);
  });

  it(`fails when a name has ${MAX_TOPIC_NAME_LENGTH + 1} characters`, () => {
    const issues = checkTopicName('a'.repeat(MAX_TOPIC_NAME_LENGTH + 1));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: '', code: 'topic-name-too-long', hint: 'shorten the domain, event or group name' });
    expect(issues[0]?.message).toContain(`is ${MAX_TOPIC_NAME_LENGTH + 1} characters; Kafka allows at most ${MAX_TOPIC_NAME_LENGTH}`);
    expect(issues[0]?.severity ?? 'error').toBe('error');
  });

  it.each(['.', '..'])('fails when the name is the reserved %j', (name) => {
    const issues = checkTopicName(name);
    expect(issues).toEqual([{ path: '', code: 'illegal-topic-name', message: `topic name "${name}" is reserved by Kafka` }]);
  });

  it.each(['orders/created', 'orders created', 'orders:created', 'ordérs', 'orders*', ''])('fails when the name %j has characters Kafka rejects', (name) => {
    const issues = checkTopicName(name);
    expect(issues.map((i) => i.code)).toEqual(['illegal-topic-name']);
    expect(issues[0]?.message).toBe(`topic name "${name}" may contain only letters, digits, ".", "_" and "-"`);
    expect(issues[0]?.path).toBe('');
  });

  it.each(['orders.order-created', 'orders_order_created', 'Orders-Created-1', '_x', '-x', '...', 'a'])('accepts the legal name %j', (name) => {
    expect(checkTopicName(name)).toEqual([]);
  });

  it('warns when a name mixes "." and "_"', () => {
    const issues = checkTopicName('staging_orders.order-created');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: '', code: 'mixed-topic-name-separators', severity: 'warning', hint: 'use one separator' });
    expect(issues[0]?.message).toContain('mixes "." and "_"');
  });

  it('reports every problem of one name at once', () => {
    const name = `${'a.b_'.repeat(70)}/`;
    expect(
      checkTopicName(name)
        .map((i) => i.code)
        .sort(),
    ).toEqual(['illegal-topic-name', 'mixed-topic-name-separators', 'topic-name-too-long']);
  });

  it('finds no error in any legal name', () => {
    fc.assert(
      fc.property(legalTopicName, (name) => {
        expect(checkTopicName(name).filter((i) => (i.severity ?? 'error') === 'error')).toEqual([]);
      }),
    );
  });
});

describe('metricCollisionKey', () => {
  it.each([
    ['orders.order-created', 'orders_order-created'],
    ['orders_order-created', 'orders_order-created'],
    ['a.b_c', 'a_b_c'],
    ['a_b.c', 'a_b_c'],
    ['no-separators', 'no-separators'],
  ])('of %j is %j', (name, expected) => {
    expect(metricCollisionKey(name)).toBe(expected);
  });

  it('is the same for two names that differ only by "." versus "_"', () => {
    fc.assert(
      fc.property(legalTopicName, (name) => {
        expect(metricCollisionKey(name.replace(/_/g, '.'))).toBe(metricCollisionKey(name.replace(/\./g, '_')));
      }),
    );
  });
});

describe('topicAddress', () => {
  it.each([
    ['orders.order-created', 'orders_order-created'],
    ['dev-orders.order-created', 'dev-orders_order-created'],
    ['1orders.created', 't_1orders_created'],
    ['.hidden', 't__hidden'],
  ])('of %j is %j', (name, expected) => {
    expect(topicAddress(name)).toBe(expected);
  });

  it('is a valid Terraform identifier for every legal topic name', () => {
    fc.assert(
      fc.property(legalTopicName, (name) => {
        expect(topicAddress(name)).toMatch(TERRAFORM_IDENTIFIER);
      }),
    );
  });

  it('differs for two legal names that Kafka does not confuse', () => {
    // Pairs `x` / `t_x` are drawn often so that the escape for a leading digit or "-" is exercised.
    const pair = fc.oneof(
      fc.tuple(legalTopicName, legalTopicName),
      legalTopicName.map((n): [string, string] => [n, `t_${n}`]),
    );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        fc.pre(metricCollisionKey(a) !== metricCollisionKey(b));
        expect(topicAddress(a)).not.toBe(topicAddress(b));
      }),
    );
  });

  // The `t_` escape for names that start with a digit or "-" is itself a legal name prefix.
  it.each([
    ['1a', 't_1a'],
    ['-x', 't_-x'],
  ])('differs for %j and %j, which Kafka does not confuse', (a, b) => {
    expect(metricCollisionKey(a)).not.toBe(metricCollisionKey(b));
    expect(topicAddress(a)).not.toBe(topicAddress(b));
  });

  it('differs for every pair of toolkit-made names with distinct domains, events or groups', () => {
    fc.assert(
      fc.property(fc.constantFrom('', 'dev.', 'staging-'), kebab, kebab, kebab, kebab, (prefix, domain, eventA, eventB, group) => {
        fc.pre(eventA !== eventB);
        const a = eventTopicName(prefix, domain, eventA);
        const b = eventTopicName(prefix, domain, eventB);
        const names = [a, b, deadLetterTopicName(a, group), deadLetterTopicName(b, group), retryTopicName(a, group, 1), retryTopicName(b, group, 1)];
        expect(new Set(names.map(topicAddress)).size).toBe(names.length);
      }),
    );
  });
});

describe('isInternalTopic', () => {
  it('holds for names that start with an underscore (Kafka’s own, Schema Registry’s, Confluent’s), and only for them', () => {
    for (const name of ['__consumer_offsets', '__transaction_state', '_schemas', '_confluent-command']) expect(isInternalTopic(name)).toBe(true);
    for (const name of ['orders.order-created', 'orders_', 'orders._x', '']) expect(isInternalTopic(name)).toBe(false);
  });
});
