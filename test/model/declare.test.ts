import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Duration, KafkaPrincipal, Replay, RETRY_POLICY, Retries, retryPolicyOf } from '../../model/declare';
import { toMs } from '../../model/duration';
import { principalSchema, replaySchema } from '../../model/schema';

describe('Replay', () => {
  it('declares a replay window as plain data', () => {
    expect(Replay.window('7d')).toEqual({ kind: 'window', window: '7d' });
    expect(Replay.window(Duration.days(7))).toEqual({ kind: 'window', window: '7d' });
  });

  it('declares a full replay with its longest reindex as plain data', () => {
    expect(Replay.full({ longestReindex: '6h' })).toEqual({ kind: 'full', longestReindex: '6h' });
  });

  it('produces declarations the replay schema accepts unchanged', () => {
    for (const replay of [Replay.window('30d'), Replay.full({ longestReindex: Duration.hours(12) })]) {
      expect(replaySchema.parse(replay)).toEqual(replay);
    }
  });
});

describe('Retries.exponential', () => {
  it("doubles from the first delay: { attempts: 3, first: '1s' } → ['1s', '2s', '4s']", () => {
    expect(Retries.exponential({ attempts: 3, first: '1s' })).toEqual(['1s', '2s', '4s']);
  });

  it.each([
    [{ attempts: 1, first: '500ms' } as const, ['500ms']],
    [{ attempts: 4, first: '5m' } as const, ['5m', '10m', '20m', '40m']],
  ])('%j gives %j', (options, expected) => {
    expect(Retries.exponential(options)).toEqual(expected);
  });

  it('gives no tiers for attempts that are not a whole number from 1 to MAX_RETRY_TIERS, and keeps the call for the schema to refuse', () => {
    for (const attempts of [0, -1, 1.5, Number.NaN, 11]) {
      const tiers = Retries.exponential({ attempts, first: '1s' });
      expect(tiers).toEqual([]);
      expect(retryPolicyOf(tiers)).toEqual({ kind: 'exponential', attempts, first: '1s' });
    }
  });

  it('gives `attempts` tiers, each twice the one before, in the unit of the first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 1_000 }), fc.constantFrom('ms', 's', 'm', 'h', 'd'), (attempts, amount, unit) => {
        const tiers = Retries.exponential({ attempts, first: `${amount}${unit}` as `${number}ms` });
        expect(tiers).toHaveLength(attempts);
        expect(tiers[0]).toBe(`${amount}${unit}`);
        tiers.forEach((tier, i) => {
          expect(tier.endsWith(unit)).toBe(true);
          if (i > 0) expect(toMs(tier)).toBe(2 * toMs(tiers[i - 1] ?? ''));
        });
      }),
    );
  });
});

describe('retryPolicyOf', () => {
  it('finds the Retries.exponential call on the list it returned, invisible to JSON', () => {
    const tiers = Retries.exponential({ attempts: 2, first: '30s' });
    expect(retryPolicyOf(tiers)).toEqual({ kind: 'exponential', attempts: 2, first: '30s' });
    expect(JSON.stringify(tiers)).toBe('["30s","60s"]');
  });

  it('finds none on listed tiers or on what is not a list (a construct reads `retries` as the user gave it)', () => {
    expect(retryPolicyOf(Retries.tiers('1s', '1m'))).toBeUndefined();
    expect(retryPolicyOf(['1s'])).toBeUndefined();
    for (const value of [undefined, null, '1s', 3, { [RETRY_POLICY]: { kind: 'exponential', attempts: 1, first: '1s' } }]) {
      expect(retryPolicyOf(value)).toBeUndefined();
    }
  });

  it('finds none on a list carrying something other than a policy under the symbol', () => {
    for (const policy of [null, 'exponential', 3]) {
      const list: string[] = ['1s'];
      Object.defineProperty(list, RETRY_POLICY, { value: policy });
      expect(retryPolicyOf(list)).toBeUndefined();
    }
  });
});

describe('Retries.tiers', () => {
  it('keeps the given delays in order', () => {
    expect(Retries.tiers('1s', '30s', '5m')).toEqual(['1s', '30s', '5m']);
  });
});

describe('KafkaPrincipal', () => {
  it('writes a user principal as User:<name>', () => {
    expect(KafkaPrincipal.user('payment-service')).toBe('User:payment-service');
  });

  it('writes other principal types as <Type>:<name>', () => {
    expect(KafkaPrincipal.of('ServiceAccount', 'sa-123')).toBe('ServiceAccount:sa-123');
  });

  it('produces principals the schema accepts for ordinary service names', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/), (name) => {
        expect(principalSchema.safeParse(KafkaPrincipal.user(name)).success).toBe(true);
      }),
    );
  });

  it('fails schema validation for a wildcard user', () => {
    expect(principalSchema.safeParse(KafkaPrincipal.user('*')).success).toBe(false);
  });
});

describe('Duration (re-exported for declarations)', () => {
  it('writes days', () => {
    expect(Duration.days(7)).toBe('7d');
  });
});
