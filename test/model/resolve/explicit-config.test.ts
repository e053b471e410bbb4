/** resolve() with declared topic configs: explicit values win over derived ones and say so; derived keys are refused. */
import { describe, expect, it } from 'vitest';
import { DAY, DOCUMENT_CHANGED, SEED, withDeclarations, resolved, eventTopic, ORDER_CREATED, DEV } from './helpers';

describe('resolve: explicit config', () => {
  it('lets an explicit retention.ms override the derived one, and says so', () => {
    const topology = resolved(withDeclarations({ topics: [{ ...ORDER_CREATED, config: { 'retention.ms': String(14 * DAY) } }, DOCUMENT_CHANGED] }));
    const topic = eventTopic(topology, 'orders.order-created');
    expect(topic.config['retention.ms']).toBe(String(14 * DAY));
    expect(topic.retentionMs).toEqual({ value: 14 * DAY, explanation: '14d declared in config (derived would be 8d 30m)' });
  });

  it("explains an explicit retention.ms of -1 as Kafka's unlimited retention", () => {
    const topology = resolved(withDeclarations({ topics: [{ ...ORDER_CREATED, config: { 'retention.ms': '-1' } }, DOCUMENT_CHANGED] }));
    const topic = eventTopic(topology, 'orders.order-created');
    expect(topic.config['retention.ms']).toBe('-1');
    expect(topic.retentionMs?.value).toBe(-1);
    // formatMs(-1) must not turn "keep forever" into a day minus a millisecond.
    expect(topic.retentionMs?.explanation).not.toContain('23h 59m 59s 999ms');
  });

  it('passes other known topic configs through, sorted, next to the derived ones', () => {
    const topology = resolved(
      withDeclarations({ topics: [{ ...ORDER_CREATED, config: { 'segment.ms': '3600000', 'compression.type': 'zstd' } }, DOCUMENT_CHANGED] }),
    );
    expect(Object.keys(eventTopic(topology, 'orders.order-created').config)).toEqual([
      'cleanup.policy',
      'compression.type',
      'min.insync.replicas',
      'retention.ms',
      'segment.ms',
    ]);
  });

  it('writes a declared retentionBytes as retention.bytes', () => {
    const topology = resolved(withDeclarations({ topics: [{ ...ORDER_CREATED, retentionBytes: 1_073_741_824 }, DOCUMENT_CHANGED] }));
    expect(eventTopic(topology, 'orders.order-created')).toMatchObject({ retentionBytes: 1_073_741_824, config: { 'retention.bytes': '1073741824' } });
  });

  it('never derives retention.bytes', () => {
    expect(resolved(SEED).topics.some((t) => 'retention.bytes' in t.config)).toBe(false);
  });

  it('passes an allow-listed vendor key through', () => {
    const topology = resolved(withDeclarations({ topics: [{ ...ORDER_CREATED, config: { 'confluent.placement.constraints': '{}' } }, DOCUMENT_CHANGED] }), {
      ...DEV,
      vendorConfigKeys: ['confluent.placement.constraints'],
    });
    expect(eventTopic(topology, 'orders.order-created').config['confluent.placement.constraints']).toBe('{}');
  });
});
