import { describe, expect, it } from 'vitest';
import { DEFAULT_DELIVERY_TIMEOUT_MS, KAFKA_DEFAULT_LINGER_MS, KAFKA_DEFAULT_REQUEST_TIMEOUT_MS } from '../../model/limits';
import { deliveryBounded } from '../../rules/producer/delivery-bounded';
import { exponentialBackoff } from '../../rules/producer/exponential-backoff';
import { idempotentProducer } from '../../rules/producer/idempotent-producer';
import { retriesDefault } from '../../rules/producer/retries-default';
import { lint } from '../../rules/run';
import {
  context,
  expectFinding,
  expectNoFinding,
  expectViolation,
  lintOrders,
  ordersDeclarations,
  producer,
  producerOf,
  resolveTopology,
  type ProducerInput,
} from './helpers';

const SUBJECT = 'order-service → orders.order-created';
const MINIMUM_DELIVERY_MS = KAFKA_DEFAULT_REQUEST_TIMEOUT_MS + KAFKA_DEFAULT_LINGER_MS;

/** The orders seed with the producer's declaration changed, resolved through the model. */
function withProducer(overrides: Partial<ProducerInput>): ReturnType<typeof resolveTopology> {
  return resolveTopology({ ...ordersDeclarations(), producers: [producer({ domain: 'orders', event: 'order-created' }, 'order-service', overrides)] });
}

describe('TF-PROD-001 idempotentProducer: producers are idempotent', () => {
  it('fires (warning) on a producer that turns idempotence off', () => {
    const { findings } = lintOrders({ producer: { idempotent: false } });
    expectFinding(findings, {
      ruleId: 'TF-PROD-001',
      level: 'warning',
      subject: SUBJECT,
      field: 'idempotent',
      message: 'order-service produces to orders.order-created without idempotence',
    });
  });

  it('fires as an error (per-finding level) on a transactional producer without idempotence', () => {
    const topology = withProducer({ idempotent: false, transactionalIdPrefix: 'order-service-tx' });
    expectViolation(idempotentProducer.check(producerOf(topology, 'order-service'), context(topology)), {
      field: 'idempotent',
      message: 'order-service is transactional but not idempotent; Kafka requires idempotence for transactions',
      level: 'error',
    });
    expectFinding(lintOrders({ producer: { idempotent: false, transactionalIdPrefix: 'order-service-tx' } }).findings, {
      ruleId: 'TF-PROD-001',
      level: 'error',
      subject: SUBJECT,
      field: 'idempotent',
      message: 'is transactional but not idempotent',
    });
  });

  it('does not fire on the default (idempotent) producer, transactional or not', () => {
    expectNoFinding(lintOrders({ producer: { transactionalIdPrefix: 'order-service-tx' } }).findings, 'TF-PROD-001');
    expectNoFinding(lintOrders().findings, 'TF-PROD-001');
    const topology = withProducer({});
    expect(idempotentProducer.check(producerOf(topology, 'order-service'), context(topology))).toEqual({ status: 'compliant' });
  });
});

describe('TF-PROD-002 retriesDefault: producers bound delivery time instead of capping retries', () => {
  it('fires (warning) on an explicit retries cap', () => {
    const { findings } = lintOrders({ producer: { delivery: { retries: 3 } } });
    expectFinding(findings, {
      ruleId: 'TF-PROD-002',
      level: 'warning',
      subject: SUBJECT,
      field: 'delivery.retries',
      message: 'order-service caps retries at 3',
    });
  });

  it('fires on retries: 0 too (no retries at all is still a cap)', () => {
    const topology = withProducer({ delivery: { retries: 0 } });
    expectViolation(retriesDefault.check(producerOf(topology, 'order-service'), context(topology)), {
      field: 'delivery.retries',
      message: 'caps retries at 0',
    });
  });

  it('does not fire when only the delivery timeout is set', () => {
    expectNoFinding(lintOrders({ producer: { delivery: { timeout: '5m' } } }).findings, 'TF-PROD-002');
  });
});

describe('TF-PROD-003 exponentialBackoff: retry backoff grows up to a ceiling above the first backoff', () => {
  it('fires (warning) when the backoff ceiling equals the first backoff (constant-rate retries)', () => {
    const { findings } = lintOrders({ producer: { delivery: { backoff: '1s', backoffMax: '1s' } } });
    expectFinding(findings, {
      ruleId: 'TF-PROD-003',
      level: 'warning',
      subject: SUBJECT,
      field: 'delivery.backoffMax',
      message: 'backoff 1s with a ceiling of 1s does not grow',
    });
  });

  it('fires when the first backoff is above the default ceiling (1s) and no ceiling is declared', () => {
    const topology = withProducer({ delivery: { backoff: '2s' } });
    expectViolation(exponentialBackoff.check(producerOf(topology, 'order-service'), context(topology)), {
      field: 'delivery.backoffMax',
      message: 'backoff 2s with a ceiling of 1s',
    });
  });

  it("does not fire on Kafka's defaults (100ms growing to 1s) or a declared growing backoff", () => {
    expectNoFinding(lintOrders().findings, 'TF-PROD-003');
    expectNoFinding(lintOrders({ producer: { delivery: { backoff: '200ms', backoffMax: '10s' } } }).findings, 'TF-PROD-003');
  });
});

describe('TF-PROD-004 deliveryBounded: delivery.timeout.ms covers linger.ms + request.timeout.ms', () => {
  it(`fires (error) on a 30s delivery timeout (below ${MINIMUM_DELIVERY_MS} ms)`, () => {
    const { findings } = lintOrders({ producer: { delivery: { timeout: '30s' } } });
    expectFinding(findings, {
      ruleId: 'TF-PROD-004',
      level: 'error',
      subject: SUBJECT,
      field: 'delivery.timeout',
      message: `delivery.timeout.ms 30000 is below linger.ms + request.timeout.ms (${MINIMUM_DELIVERY_MS})`,
    });
  });

  it(`does not fire at exactly ${MINIMUM_DELIVERY_MS} ms, nor on the default of ${DEFAULT_DELIVERY_TIMEOUT_MS} ms`, () => {
    const exact = withProducer({ delivery: { timeout: `${MINIMUM_DELIVERY_MS}ms` } });
    expect(deliveryBounded.check(producerOf(exact, 'order-service'), context(exact))).toEqual({ status: 'compliant' });
    expect(producerOf(withProducer({}), 'order-service').delivery.timeoutMs).toBe(DEFAULT_DELIVERY_TIMEOUT_MS);
    expectNoFinding(lint(withProducer({})), 'TF-PROD-004');
  });
});
