/** model/resolve/consumer-groups.ts: a group's replay-safety statement and processing time carried as declared (issue 28, mutation pass). */
import { describe, expect, it } from 'vitest';
import { INDEXER, NOTIFICATION, PAYMENT, resolved, withDeclarations } from './helpers';

describe('resolve: a consumer group, field by field', () => {
  it('keeps a replay-safety statement only when declared, and the processing time in milliseconds', () => {
    const replaySafety = { deterministic: true, sideEffects: { control: 'none' as const } };
    const topology = resolved(withDeclarations({ consumerGroups: [{ ...PAYMENT, replaySafety }, NOTIFICATION, INDEXER] }));
    const group = (name: string) => topology.consumerGroups.find((g) => g.name === name);
    expect(group('payment')?.replaySafety).toStrictEqual(replaySafety);
    expect(group('notification')).not.toHaveProperty('replaySafety');
    // PAYMENT declares processingTimePerMessage '5ms'; INDEXER declares none.
    expect(group('payment')?.processingTimePerMessageMs).toBe(5);
    expect(group('indexer')?.processingTimePerMessageMs).toBeNull();
  });
});
