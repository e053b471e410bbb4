/**
 * model/resolve/environment.ts unit by unit: which fields a broken environment loses, and scaling applied only where the
 * environment's share is below 1. Expectations worked by hand from the documented definitions (issue 28, mutation pass).
 */
import { describe, expect, it } from 'vitest';
import { scaleTopic, withoutBrokenFields } from '../../../model/resolve/environment';
import { environmentSchema, eventTopicSchema } from '../../../model/schema';
import { DEV, DOCUMENT_CHANGED, ORDER_CREATED } from './helpers';

function repair(environment: Record<string, unknown>): ReturnType<typeof withoutBrokenFields> {
  const parsed = environmentSchema.safeParse(environment);
  if (parsed.success) throw new Error('expected a broken environment');
  return withoutBrokenFields(environment, parsed.error);
}

describe('withoutBrokenFields', () => {
  it('names exactly the broken fields: an unknown one is removed, a required one set to its neutral value', () => {
    const result = repair({ ...DEV, bogus: 1, replicationFactor: 0 });
    expect([...(result?.fields ?? [])].sort()).toEqual(['bogus', 'replicationFactor']);
    expect(result?.environment).toEqual({ ...DEV, replicationFactor: 1 });
  });

  it('drops a whole top-level field for an unknown key nested in it, not the nested key', () => {
    const result = repair({ ...DEV, scaling: { replayWindow: 0.5, bogus: 1 } });
    expect(result?.fields).toEqual(['scaling']);
    expect(result?.environment).toEqual(DEV);
  });
});

describe('scaleTopic', () => {
  // A minimum window above the declared one shows whether a window was scaled at all: scaling raises it to the minimum.
  const envWith = (scaling: Record<string, unknown>) => environmentSchema.parse({ ...DEV, scaling });

  it('leaves a replay window alone when the environment keeps all of it (replayWindow 1)', () => {
    const scaled = scaleTopic(eventTopicSchema.parse(ORDER_CREATED), envWith({ replayWindow: 1, minimumWindow: '30d' }));
    expect(scaled.replay).toEqual({ kind: 'window', window: '7d' });
  });

  it("leaves a compacted topic's key expiry alone when the environment keeps all of the window", () => {
    const topic = eventTopicSchema.parse({ ...DOCUMENT_CHANGED, replay: { kind: 'full', longestReindex: '12h', expireAfter: '7d' } });
    const scaled = scaleTopic(topic, envWith({ replayWindow: 1, minimumWindow: '30d' }));
    expect(scaled.replay).toEqual({ kind: 'full', longestReindex: '12h', expireAfter: '7d' });
  });

  it('scales a window by the share, down to the minimum window', () => {
    // 7d × 0.5 = 3.5d = 84h; a 1h minimum does not bind.
    const scaled = scaleTopic(eventTopicSchema.parse(ORDER_CREATED), envWith({ replayWindow: 0.5, minimumWindow: '1h' }));
    expect(scaled.replay).toEqual({ kind: 'window', window: '84h' });
  });

  it('scales declared traffic and leaves a topic that declares none without any (dev keeps a tenth)', () => {
    const env = envWith({ throughput: 0.1 });
    // 2,000 messages/s × 0.1 = 200.
    expect(scaleTopic(eventTopicSchema.parse(ORDER_CREATED), env).throughput?.peakMessagesPerSecond).toBe(200);
    const withoutTraffic = eventTopicSchema.parse(DOCUMENT_CHANGED);
    expect(scaleTopic(withoutTraffic, env).throughput).toBeUndefined();
  });
});
