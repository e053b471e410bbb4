import { describe, expect, it } from 'vitest';
import { Domain, Duration, KafkaPrincipal, Replay } from '../../constructs';
import type { KafkaStack } from '../../constructs';
import { orders } from '../../topics/orders';
import { search } from '../../topics/search';
import { Testing } from '../../constructs/cdktf';
import { DEV, synthStack } from '../helpers/synth';

const addresses = (json: { resource: Record<string, Record<string, unknown>> }): string[] =>
  Object.entries(json.resource)
    .flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`))
    .sort();

describe('Terraform addresses', () => {
  it('are derived from content: adding a consumer group renames no existing resource', () => {
    const before = addresses(synthStack((s) => orders(s)).json);
    const after = addresses(
      synthStack((s) => {
        const domain = orders(s);
        domain
          .addConsumerGroup('audit', {
            service: 'audit-service',
            principal: KafkaPrincipal.user('audit-service'),
            idempotency: 'audit entries keyed by event id',
          })
          .subscribe({ domain: 'orders', event: 'order-created' });
      }).json,
    );
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after.length).toBeGreaterThan(before.length);
  });

  it('name topics after the topic name', () => {
    expect(
      addresses(
        synthStack((s) => {
          orders(s);
          search(s);
        }).json,
      ),
    ).toContain('kafka_topic.search_document-changed');
  });

  it('do not depend on the order in which domains and groups are declared', () => {
    const declareA = (s: KafkaStack): void => {
      orders(s);
      search(s);
    };
    const declareB = (s: KafkaStack): void => {
      search(s);
      orders(s);
    };
    const synth = (declare: (s: KafkaStack) => void): string => {
      const { stack } = synthStack(declare);
      return Testing.synth(stack, true);
    };
    expect(synth(declareB)).toBe(synth(declareA));
  });
});

describe('declaration errors', () => {
  const invalid = (s: KafkaStack): void => {
    const domain = new Domain(s, 'billing', { owner: '@acme/billing', description: 'Invoices' });
    domain.addEventTopic('invoice-issued', {
      eventTypes: ['InvoiceIssued'],
      key: { field: 'invoiceId', aggregate: 'invoice', reason: 'short' },
      partitions: 6,
      replay: Replay.window(Duration.days(3)),
      config: { 'retention.msx': '1000' },
    });
  };

  it('fails when a declaration is invalid, naming the construct path, the field and every problem at once', () => {
    expect(() => synthStack(invalid)).toThrow(/billing\/invoice-issued/);
    let message = '';
    try {
      synthStack(invalid);
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/key\.reason: must be a written reason of at least 10 characters/);
    expect(message).toMatch(/config\["retention\.msx"\]: unknown topic config key "retention\.msx" \(did you mean "retention\.ms"\?\)/);
    expect(message).toMatch(/test\/constructs\/addresses\.test\.ts:\d+/);
  });

  it('fails when a consumer group subscribes to a topic that is not declared', () => {
    expect(() =>
      synthStack((s) => {
        orders(s);
        const domain = new Domain(s, 'audit', { owner: '@acme/audit', description: 'Audit trail' });
        domain
          .addConsumerGroup('trail', { service: 'audit-service', principal: KafkaPrincipal.user('audit') })
          .subscribe({ domain: 'orders', event: 'order-creatd' }, { reason: 'the audit trail records every order' });
      }, DEV),
    ).toThrow(/subscriptions\[0\]\.topic: event topic "orders\/order-creatd" is not declared \(did you mean "orders\/order-created"\?\)/);
  });
});
