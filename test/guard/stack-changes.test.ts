// The one comparison behind "plan only the stacks that changed" (guard/stack-changes.ts): what counts as the same
// Terraform, and the verdict per stack the guard, `topicform changed` and the Atlantis hook all take.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareStacks, sameTerraform, terraformIdentity } from '../../guard/stack-changes';
import { guard } from '../../guard/guard';

const stackJson = (partitions: number, version = '0.21.0'): Record<string, unknown> => ({
  '//': { metadata: { backend: 's3', stackName: 'prod-orders', version }, outputs: {} },
  terraform: { backend: { s3: { bucket: 'state', key: 'prod-orders.tfstate', region: 'eu-west-1' } } },
  resource: {
    kafka_topic: {
      orders: { '//': { metadata: { path: 'prod-orders/orders' } }, name: 'orders.order-created', partitions, config: { 'retention.ms': '604800000' } },
    },
    kafka_acl: { a: { acl_principal: 'User:orders', acl_operation: 'Write' }, b: { acl_principal: 'User:billing', acl_operation: 'Read' } },
  },
});
const text = (value: unknown, indent?: number): string => JSON.stringify(value, null, indent);

describe('the same Terraform', () => {
  it('is byte-identical JSON, or the same once `//` comments and key order are set aside', () => {
    expect(sameTerraform(stackJson(6), stackJson(6))).toBe(true);
    // What a cdktf or topicform upgrade changes and terraform never reads: the metadata comment, at any depth.
    expect(sameTerraform(stackJson(6, '0.21.0'), stackJson(6, '0.22.0'))).toBe(true);
    const reordered = JSON.parse(text(stackJson(6))) as { resource: { kafka_acl: Record<string, unknown> } };
    reordered.resource.kafka_acl = { b: reordered.resource.kafka_acl.b, a: reordered.resource.kafka_acl.a };
    expect(sameTerraform(stackJson(6), reordered)).toBe(true);
  });

  it('differs in any value, and in an array’s order, which terraform does read', () => {
    expect(sameTerraform(stackJson(6), stackJson(12))).toBe(false);
    expect(sameTerraform({ variable: { v: { default: ['a', 'b'] } } }, { variable: { v: { default: ['b', 'a'] } } })).toBe(false);
    // A `//` key is a comment only as a property name; the same text as a value is data.
    expect(sameTerraform({ resource: { x: { y: { description: '//' } } } }, { resource: { x: { y: { description: 'other' } } } })).toBe(false);
  });

  it('is canonical: any key order and any comment give the same identity (property)', () => {
    const leaf = fc.oneof(fc.integer(), fc.string(), fc.boolean());
    const tree = fc.dictionary(
      fc.string().filter((k) => k !== '//' && k !== '__proto__'),
      fc.oneof(
        leaf,
        fc.dictionary(
          fc.string().filter((k) => k !== '//' && k !== '__proto__'),
          leaf,
        ),
      ),
    );
    fc.assert(
      fc.property(tree, fc.string(), (value, comment) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(terraformIdentity({ ...reversed, '//': comment })).toBe(terraformIdentity(value));
      }),
    );
  });
});

describe('compareStacks', () => {
  const base = [
    { stack: 'dev', terraform: text(stackJson(1)) },
    { stack: 'prod-orders', terraform: text(stackJson(6)) },
    { stack: 'prod-search', terraform: text(stackJson(3)) },
    { stack: 'prod-legacy', terraform: text(stackJson(3)) },
  ];

  it('plans the stacks whose Terraform changed and the new ones, and says why for every stack', () => {
    const head = [
      { stack: 'prod-search', terraform: text(stackJson(3, '0.22.0'), 2) },
      { stack: 'prod-orders', terraform: text(stackJson(12)) },
      { stack: 'dev', terraform: text(stackJson(1)) },
      { stack: 'prod-payments', terraform: text(stackJson(1)) },
    ];
    const result = compareStacks(base, head);
    expect(result.plan).toEqual(['prod-orders', 'prod-payments']);
    expect(result.stacks).toEqual([
      { stack: 'dev', change: 'unchanged', reason: 'cdk.tf.json is byte-identical' },
      { stack: 'prod-legacy', change: 'removed', reason: 'only the base has this stack' },
      { stack: 'prod-orders', change: 'changed', reason: 'the Terraform JSON differs' },
      { stack: 'prod-payments', change: 'new', reason: 'the base has no stack of this name' },
      { stack: 'prod-search', change: 'unchanged', reason: "the same Terraform: only `//` comments (cdktf's metadata) or key order differ" },
    ]);
  });

  it('plans a stack it cannot compare: a missing or unreadable cdk.tf.json on either side', () => {
    const result = compareStacks(
      [
        { stack: 'a', terraform: text(stackJson(1)) },
        { stack: 'b', terraform: undefined },
        { stack: 'c', terraform: '{ not json' },
      ],
      [
        { stack: 'a', terraform: '{"resource": ' },
        { stack: 'b', terraform: text(stackJson(1)) },
        { stack: 'c', terraform: text(stackJson(1)) },
      ],
    );
    expect(result.plan).toEqual(['a', 'b', 'c']);
    expect(result.stacks.map((s) => s.reason)).toEqual([
      "the head's cdk.tf.json is not valid JSON",
      'the base has no cdk.tf.json',
      "the base's cdk.tf.json is not valid JSON",
    ]);
    expect(compareStacks([{ stack: 'a', terraform: '{}' }], [{ stack: 'a', terraform: undefined }]).stacks[0]?.reason).toBe('the head has no cdk.tf.json');
  });

  it('plans every stack of the head when the base cannot show the change (everyStack), new ones still as new', () => {
    const reason = 'package-lock.json differs from main';
    const result = compareStacks(base, [...base.slice(0, 2), { stack: 'prod-payments', terraform: '{}' }], { everyStack: reason });
    expect(result.plan).toEqual(['dev', 'prod-orders', 'prod-payments']);
    expect(result.stacks.find((s) => s.stack === 'dev')).toEqual({ stack: 'dev', change: 'changed', reason });
    expect(result.stacks.find((s) => s.stack === 'prod-payments')?.change).toBe('new');
  });

  it('is the guard’s verdict too: the guard plans exactly the changed stacks compareStacks lists', () => {
    const baseStacks = base.map((s) => ({ stack: s.stack, terraform: JSON.parse(s.terraform) as unknown, environment: 'prod', production: true }));
    const headTexts = [
      { stack: 'dev', terraform: text(stackJson(1, '0.22.0')) },
      { stack: 'prod-orders', terraform: text(stackJson(12)) },
      { stack: 'prod-search', terraform: text(stackJson(3)) },
    ];
    const topology = text({ environment: { name: 'prod', production: true } });
    const result = guard({
      stacks: headTexts.map((s) => ({
        stack: s.stack,
        directory: `out/stacks/${s.stack}`,
        entries: [
          { name: 'cdk.tf.json', kind: 'file' as const },
          { name: 'topology.json', kind: 'file' as const },
        ],
        terraform: s.terraform,
        topology,
      })),
      base: { label: 'base', stacks: baseStacks },
    });
    expect(result.stacks.filter((s) => s.changed).map((s) => s.stack)).toEqual(compareStacks(base, headTexts).plan);
  });
});
