import { describe, expect, it } from 'vitest';
import { Testing } from '../../constructs/cdktf';
import { KafkaStack } from '../../constructs';
import { orders } from '../../topics/orders';
import { DEV } from '../helpers/synth';
import { schemaProblems } from '../helpers/provider-schema';

interface ImportBlock {
  readonly to: string;
  readonly id: string;
}

function synth(declare: (stack: KafkaStack) => void, adopt?: { topics?: string[]; acls?: string[] }): { json: Record<string, unknown>; stack: KafkaStack } {
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
      [expect.stringMatching(/^kafka_acl\.acl_order-service_Write_Topic_orders_order-created_[0-9a-f]{8}$/), 'User:order-service|*|Write|Allow|Topic|orders.order-created|Literal'],
      ['kafka_topic.orders_order-created', 'orders.order-created'],
    ]);
  });

  it('emits no import block when nothing is adopted', () => {
    expect(synth((s) => orders(s)).json.import).toBeUndefined();
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
    expect(acls).toContainEqual(expect.objectContaining({ acl_principal: 'User:analytics', resource_name: 'orders.', resource_pattern_type_filter: 'Prefixed' }));
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
