/**
 * model/resolve/checks.ts: a raw topic's config and a dead-letter shape's config, checked key by key in key order, with
 * the derived keys reported once and not checked again (issue 28, mutation pass). Expectations worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { checkCompanionShape, checkTopicConfig, withoutDerivedKeys } from '../../../model/resolve/checks';
import { consumerGroupSchema, environmentSchema } from '../../../model/schema';
import { DEV, PAYMENT } from './helpers';

const ENV = environmentSchema.parse({ ...DEV, vendorConfigKeys: ['confluent.placement.constraints'] });
const codesAt = (issues: readonly { path: string; code: string }[]): string[] => issues.map((i) => `${i.path} ${i.code}`);

describe('checkTopicConfig', () => {
  it('checks nothing when the raw declaration or its config is not an object of strings', () => {
    const derived = { 'cleanup.policy': 'compact' };
    expect(checkTopicConfig(null, ENV)).toEqual([]);
    expect(
      checkTopicConfig(
        Object.assign(() => undefined, { config: derived }),
        ENV,
      ),
    ).toEqual([]);
    expect(checkTopicConfig({ config: null }, ENV)).toEqual([]);
    // One value is not a string: the schema reports it; these checks would only repeat it.
    expect(checkTopicConfig({ config: { ...derived, 'retention.ms': 5 } }, ENV)).toEqual([]);
  });

  it('reports derived keys in key order, and does not check their values again', () => {
    const issues = checkTopicConfig({ config: { 'retention.bytes': 'lots', 'cleanup.policy': 'compact' } }, ENV);
    expect(codesAt(issues)).toEqual(['config["cleanup.policy"] derived-config-key', 'config["retention.bytes"] derived-config-key']);
  });
});

describe('withoutDerivedKeys', () => {
  it('drops exactly the keys topicform derives', () => {
    expect(withoutDerivedKeys({ 'cleanup.policy': 'compact', 'min.insync.replicas': '2', 'retention.bytes': '1', 'segment.ms': '1' })).toEqual({
      'segment.ms': '1',
    });
  });
});

describe('checkCompanionShape', () => {
  const withDeadLetterConfig = (config: Record<string, string>) => consumerGroupSchema.parse({ ...PAYMENT, deadLetter: { config } });

  it("reports a dead-letter shape's derived keys in key order, and does not check their values again", () => {
    const issues = checkCompanionShape(withDeadLetterConfig({ 'retention.ms': 'soon', 'cleanup.policy': 'compact' }), ENV);
    expect(codesAt(issues)).toEqual(['deadLetter.config["cleanup.policy"] derived-config-key', 'deadLetter.config["retention.ms"] derived-config-key']);
  });

  it("passes the environment's vendor keys through in a dead-letter shape", () => {
    expect(checkCompanionShape(withDeadLetterConfig({ 'confluent.placement.constraints': '{}' }), ENV)).toEqual([]);
  });
});
