/**
 * `kafka_quota` rendering: one per User principal with a derived or overridden rate, in the stack of the principal's
 * domain, addressed by its entity, conforming to the provider schema; a layout move forgets quotas instead of
 * destroying them (kafka_quota has no import).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { App } from '../../constructs/cdktf';
import { KafkaEnvironment } from '../../constructs';
import { environments } from '../../environments';
import { domains } from '../../topics';
import { synthesize } from '../../cli/synth';
import { QUOTA_CONSUME_HEADROOM, QUOTA_PRODUCE_HEADROOM } from '../../model/limits';
import { quotaAddress } from '../../model/quota';
import type { EnvironmentInput } from '../../model/schema';
import type { Topology } from '../../model/topology';
import { schemaProblems } from '../helpers/provider-schema';

const work = mkdtempSync(join(tmpdir(), 'topicform-quota-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface QuotaBody {
  readonly entity_type: string;
  readonly entity_name: string;
  readonly config: Readonly<Record<string, number>>;
}
interface StackJson {
  readonly resource: { readonly kafka_quota?: Readonly<Record<string, QuotaBody>> };
  readonly removed?: ReadonlyArray<{ from: string; lifecycle: { destroy: boolean } }>;
}

const PROD = environments.find((e) => e.name === 'prod') as EnvironmentInput;

function synth(name: string, environment: EnvironmentInput): (stack: string) => { json: StackJson; topology: Topology } {
  const out = join(work, name);
  const result = synthesize((outdir) => {
    const app = new App({ outdir, stackTraces: false });
    const env = new KafkaEnvironment(app, environment.name, { environment });
    for (const d of Object.keys(domains).sort()) domains[d]?.(env);
    return app;
  }, out);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return (stack) => ({
    json: JSON.parse(readFileSync(join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as StackJson,
    topology: JSON.parse(readFileSync(join(out, 'stacks', stack, 'topology.json'), 'utf8')) as Topology,
  });
}

const quotas = (json: StackJson): Record<string, Record<string, number>> =>
  Object.fromEntries(Object.values(json.resource.kafka_quota ?? {}).map((q) => [`${q.entity_type}:${q.entity_name}`, { ...q.config }]));

describe('kafka_quota in the example stacks', () => {
  const prod = synth('prod', PROD);
  // topics/orders.ts: order-created 2,000 msg/s × 1,024 B; topics/search.ts: document-changed 500 msg/s × 4,096 B.
  const orders = 2_000 * 1_024;
  const documents = 500 * 4_096;

  it('renders each principal quota in the stack of its domain, with the derived rates', () => {
    expect(quotas(prod('prod-orders').json)).toEqual({
      'user:notification-service': { consumer_byte_rate: orders * QUOTA_CONSUME_HEADROOM },
      'user:order-service': { producer_byte_rate: orders * QUOTA_PRODUCE_HEADROOM },
      // The order-totals Kafka Streams application reads order-created like a consumer group.
      'user:order-totals': { consumer_byte_rate: orders * QUOTA_CONSUME_HEADROOM },
      'user:payment-service': { consumer_byte_rate: orders * QUOTA_CONSUME_HEADROOM },
    });
    // The search indexer reads orders' events too (the cross-domain grant): its quota counts them, in search's stack.
    expect(quotas(prod('prod-search').json)).toEqual({
      'user:catalog-service': { producer_byte_rate: documents * QUOTA_PRODUCE_HEADROOM },
      // The document-index sink connector reads document-changed in its group, as its own principal.
      'user:search-document-sink': { consumer_byte_rate: documents * QUOTA_CONSUME_HEADROOM },
      'user:search-indexer': { consumer_byte_rate: (documents + orders) * QUOTA_CONSUME_HEADROOM },
    });
  });

  it("writes each stack's quotas into its topology.json slice", () => {
    expect(prod('prod-orders').topology.quotas?.map((q) => q.principal)).toEqual([
      'User:notification-service',
      'User:order-service',
      'User:order-totals',
      'User:payment-service',
    ]);
    expect(prod('prod-search').topology.quotas?.map((q) => q.principal)).toEqual(['User:catalog-service', 'User:search-document-sink', 'User:search-indexer']);
  });

  it('addresses each quota by its entity and conforms to the provider schema', () => {
    for (const stack of ['prod-orders', 'prod-search']) {
      const { json, topology } = prod(stack);
      expect(Object.keys(json.resource.kafka_quota ?? {}).sort()).toEqual((topology.quotas ?? []).map(quotaAddress).sort());
      expect(schemaProblems(json as unknown as Record<string, unknown>)).toEqual([]);
    }
  });

  it('renders an override, and nothing when quotas are off', () => {
    const overridden = synth('override', { ...PROD, quotas: { overrides: { 'User:order-service': { producerByteRate: 1_000_000 } } } });
    expect(quotas(overridden('prod-orders').json)['user:order-service']).toEqual({ producer_byte_rate: 1_000_000 });
    const off = synth('off', { ...PROD, quotas: { enabled: false } });
    expect(off('prod-orders').json.resource.kafka_quota).toBeUndefined();
  });

  it("on a layout move, forgets the moved domains' quotas in the old stack and leaves them out of the new ones", () => {
    const moved = synth('moved', { ...PROD, layout: 'domain', moves: [{ domains: ['orders', 'search'], from: 'prod' }] });
    const forgotten = (moved('prod').json.removed ?? []).filter((r) => r.from.startsWith('kafka_quota.'));
    expect(forgotten.map((r) => r.from).sort()).toEqual(
      Object.keys({ ...prod('prod-orders').json.resource.kafka_quota, ...prod('prod-search').json.resource.kafka_quota })
        .map((a) => `kafka_quota.${a}`)
        .sort(),
    );
    expect(forgotten.every((r) => r.lifecycle.destroy === false)).toBe(true);
    expect(moved('prod-orders').json.resource.kafka_quota).toBeUndefined();
  });
});
