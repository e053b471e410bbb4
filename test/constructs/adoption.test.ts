import { describe, expect, it } from 'vitest';
import { Testing } from '../../constructs/cdktf';
import { KafkaEnvironment, KafkaStack, Domain, Duration, KafkaPrincipal, Replay, Retries } from '../../constructs';
import { orders } from '../../topics/orders';
import { DEV } from '../helpers/synth';
import { schemaProblems } from '../helpers/provider-schema';

interface ImportBlock {
  readonly to: string;
  readonly id: string;
}

type Adopt = { topics?: string[]; acls?: string[]; brokerDefaults?: Record<string, Record<string, string>> };

function synth(declare: (stack: KafkaStack) => void, adopt?: Adopt): { json: Record<string, unknown>; stack: KafkaStack } {
  const stack = new KafkaStack(Testing.app(), 'dev', { environment: DEV, ...(adopt === undefined ? {} : { adopt }) });
  declare(stack);
  return { json: JSON.parse(Testing.synth(stack, true)) as Record<string, unknown>, stack };
}

describe('adopting existing resources', () => {
  it('emits an import block per adopted topic (id = topic name) and ACL (id = the 7-part id), and nothing else', () => {
    const { json } = synth((s) => orders(s), {
      topics: ['orders.order-created', 'not.declared'],
      acls: ['User:order-service|*|Write|Allow|Topic|orders.order-created|Literal'],
    });
    const imports = (json.import ?? []) as ImportBlock[];
    expect(imports.map((i) => [i.to, i.id])).toEqual([
      [
        expect.stringMatching(/^kafka_acl\.acl_order-service_Write_Topic_orders_order-created_[0-9a-f]{8}$/),
        'User:order-service|*|Write|Allow|Topic|orders.order-created|Literal',
      ],
      ['kafka_topic.orders_order-created', 'orders.order-created'],
    ]);
  });

  it('emits no import block when nothing is adopted', () => {
    expect(synth((s) => orders(s)).json.import).toBeUndefined();
  });
});

const topicConfig = (json: Record<string, unknown>, address: string): Record<string, string> | undefined =>
  (json.resource as Record<string, Record<string, { config?: Record<string, string> }>>).kafka_topic?.[address]?.config;

describe('adopt.brokerDefaults: configs an adopted topic gets from the broker', () => {
  const adopt = (brokerDefaults: Record<string, Record<string, string>>): Adopt => ({ topics: ['orders.order-created'], brokerDefaults });

  it('leaves a derived key out of the topic config while its value is what the broker applies already', () => {
    const { json, stack } = synth((s) => orders(s), adopt({ 'orders.order-created': { 'cleanup.policy': 'delete', 'min.insync.replicas': '1' } }));
    const config = topicConfig(json, 'orders_order-created');
    expect(config).not.toHaveProperty('cleanup.policy');
    expect(config).not.toHaveProperty('min.insync.replicas');
    expect(config).toHaveProperty('retention.ms');
    // The resolved topology still says what the topic gets: lint, docs and review read the effective values.
    expect(stack.topology?.topics.find((t) => t.name === 'orders.order-created')?.config['cleanup.policy']).toBe('delete');
  });

  it('renders the key again as soon as the declaration derives another value (a real change)', () => {
    const { json } = synth((s) => orders(s), adopt({ 'orders.order-created': { 'cleanup.policy': 'compact', 'min.insync.replicas': '2' } }));
    expect(topicConfig(json, 'orders_order-created')).toMatchObject({ 'cleanup.policy': 'delete', 'min.insync.replicas': '1' });
  });

  it('works through a KafkaEnvironment, per domain stack', () => {
    const app = Testing.app();
    const env = new KafkaEnvironment(app, 'dev', {
      environment: { ...DEV, layout: 'domain' },
      adopt: adopt({ 'orders.order-created': { 'cleanup.policy': 'delete' } }),
    });
    orders(env);
    const [stack] = env.render().stacks;
    if (stack === undefined) throw new Error('no stack');
    const json = JSON.parse(Testing.synth(stack, true)) as Record<string, unknown>;
    expect(topicConfig(json, 'orders_order-created')).not.toHaveProperty('cleanup.policy');
  });
});

describe('declarations an adopted cluster needs', () => {
  const declare = (s: KafkaStack): void => {
    const domain = new Domain(s, 'legacy', { owner: '@acme/platform', description: 'topics imported under their own names' });
    const settled = domain.addEventTopic('payments-settled', {
      topicName: 'Payments_Legacy.Settled',
      eventTypes: ['PaymentSettled'],
      ordering: 'none',
      partitions: 4,
      replay: Replay.window(Duration.days(29)),
      // An explicit name that hides the owner is still a finding: it is kept on purpose, with a reason.
      suppressions: [{ ruleId: 'TF-DOMAIN-002', reason: 'adopted under its historical name; renaming it is a delete and a create' }],
    });
    settled.addConsumerGroup('settlement', {
      service: 'settlement',
      principal: KafkaPrincipal.user('CN=settlement svc,OU=payments'),
      idempotency: 'settlements are keyed by payment id; a duplicate is ignored',
      deadLetter: { partitions: 6, retention: Duration.days(14) },
      retries: Retries.tiers(Duration.seconds(30)),
      retryPartitions: 2,
    });
    domain.addEventTopic('reservations', {
      eventTypes: ['ReservationChanged'],
      key: { field: 'reservationId', aggregate: 'reservation', reason: 'the latest state per reservation is what readers need' },
      partitions: 6,
      replay: Replay.full({ longestReindex: Duration.hours(12), expireAfter: Duration.days(2) }),
    });
  };

  it('synthesizes an explicit topic name, a DLQ and retry tiers of a declared shape, and compact,delete', () => {
    const { json } = synth(declare);
    const topics = (json.resource as Record<string, Record<string, { name: string; partitions: number; config: Record<string, string> }>>).kafka_topic ?? {};
    const byName = Object.fromEntries(Object.values(topics).map((t) => [t.name, t]));
    expect(Object.keys(byName).sort()).toEqual([
      'Payments_Legacy.Settled',
      'Payments_Legacy.Settled.settlement.dlq',
      'Payments_Legacy.Settled.settlement.retry-1',
      'legacy.reservations',
    ]);
    expect(byName['Payments_Legacy.Settled.settlement.dlq']).toMatchObject({ partitions: 6, config: { 'retention.ms': String(14 * 86_400_000) } });
    expect(byName['Payments_Legacy.Settled.settlement.retry-1']?.partitions).toBe(2);
    expect(byName['legacy.reservations']?.config).toMatchObject({ 'cleanup.policy': 'compact,delete', 'retention.ms': String(3 * 86_400_000) });
    const acls = Object.values((json.resource as Record<string, Record<string, { acl_principal: string }>>).kafka_acl ?? {});
    expect(acls.filter((a) => a.acl_principal === 'User:CN=settlement svc,OU=payments')).toHaveLength(6);
    expect(schemaProblems(json)).toEqual([]);
  });
});

describe('LegacyAcl', () => {
  const declare = (s: KafkaStack): void => {
    const domain = orders(s);
    domain.addLegacyAcl('AnalyticsWildcard', {
      principal: 'User:analytics',
      operation: 'Read',
      permission: 'Allow',
      resourceType: 'Topic',
      resourceName: 'orders.',
      patternType: 'Prefixed',
      reason: 'the analytics export predates topicform; replaced by a declared group in Q3',
    });
  };

  it('keeps the ACL in the synthesized stack, conforming to the provider schema', () => {
    const { json } = synth(declare);
    const acls = Object.values((json.resource as Record<string, Record<string, Record<string, unknown>>>).kafka_acl ?? {});
    expect(acls).toContainEqual(
      expect.objectContaining({ acl_principal: 'User:analytics', resource_name: 'orders.', resource_pattern_type_filter: 'Prefixed' }),
    );
    expect(schemaProblems(json)).toEqual([]);
  });

  it('is listed by lint as a legacy ACL, with its reason and where it was declared', () => {
    const { stack } = synth(declare);
    const finding = stack.findings.find((f) => f.ruleId === 'TF-ACL-002');
    expect(finding?.message).toContain('the analytics export predates topicform');
    expect(finding?.subject.source.file).toBe('test/constructs/adoption.test.ts');
    expect(stack.findings.filter((f) => f.ruleId === 'TF-ACL-001')).toEqual([]);
  });
});
