import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { App, DefaultTokenResolver, Lazy, StringConcat, TerraformOutput, TerraformStack, TerraformVariable, Token, Tokenization } from '../../constructs/cdktf';
import type { KafkaStack } from '../../constructs/kafka-stack';
import { NOT_AS_IS, resolvedAsIs } from '../../constructs/synth/stack-json';
import { prodApp } from '../helpers/prod-app';
import { Topic } from '../../gen/provider-kafka/lib/topic';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The repository's prod environment, each stack rendered. */
function prodStacks(): readonly KafkaStack[] {
  const dir = mkdtempSync(join(tmpdir(), 'topicform-stack-json-'));
  dirs.push(dir);
  const { stacks } = prodApp(dir);
  for (const stack of stacks) stack.render();
  return stacks;
}

/** What cdktf's own TerraformStack.toTerraform() returns for the stack. */
const cdktfJson = (stack: TerraformStack): unknown => TerraformStack.prototype.toTerraform.call(stack);

const firstTopic = (stack: KafkaStack): Topic => {
  const topic = [...(stack.resources?.topics.values() ?? [])][0];
  if (topic === undefined) throw new Error(`${stack.node.id} renders no topic`);
  return topic;
};

describe('KafkaStack.toTerraform', () => {
  it("equals cdktf's own for the example stacks", () => {
    for (const stack of prodStacks()) {
      expect(stack.toTerraform()).toEqual(cdktfJson(stack));
    }
  });

  it("equals cdktf's own when a user adds outputs, resources, overrides and tokens to the stack", () => {
    const [stack] = prodStacks();
    if (stack === undefined) throw new Error('no stack');
    const variable = new TerraformVariable(stack, 'retention_override', { type: 'string' });
    const topic = firstTopic(stack);
    // A token inside an own resource: that fragment is left to cdktf's resolve.
    topic.addOverride('config.retention\\.ms', variable.stringValue);
    // Plain overrides on own resources, with braces and escapes in a string.
    const [, second] = [...(stack.resources?.topics.values() ?? [])];
    second?.addOverride('config.description', 'literal ${not.a.ref} and }');
    const acl = [...(stack.resources?.acls.values() ?? [])][0];
    acl?.addOverride('lifecycle.ignore_changes', ['acl_host']);
    // A resource and an output a user adds beside the rendered ones, referring to them.
    new Topic(stack, 'UserTopic', {
      name: Token.asString(Lazy.stringValue({ produce: () => 'user.topic' })),
      partitions: Token.asNumber(Lazy.numberValue({ produce: () => 3 })),
      replicationFactor: 3,
    });
    new TerraformOutput(stack, 'first_topic', { value: topic.name });
    stack.addOverride('terraform.required_version', '>= 1.11');
    expect(stack.toTerraform()).toEqual(cdktfJson(stack));
  });

  it("equals cdktf's own when a stack override or another element writes to an own resource's address", () => {
    const [orders, search] = prodStacks();
    if (orders === undefined || search === undefined) throw new Error('no stacks');
    const topic = firstTopic(orders);
    orders.addOverride(`resource.kafka_topic.${topic.friendlyUniqueId}.partitions`, 48);
    expect(orders.toTerraform()).toEqual(cdktfJson(orders));
    const other = firstTopic(search);
    const twin = new Topic(search, 'Twin', { name: 'twin', partitions: 1, replicationFactor: 3 });
    twin.overrideLogicalId(other.friendlyUniqueId);
    expect(search.toTerraform()).toEqual(cdktfJson(search));
  });

  it("writes cdktf's own metadata for own resources with overrides and imports, and none for the rest", () => {
    const [stack] = prodStacks();
    if (stack === undefined) throw new Error('no stack');
    const [first, second] = [...(stack.resources?.topics.values() ?? [])];
    first?.addOverride('config.segment\\.ms', '3600000');
    second?.importFrom('imported.topic');
    const json = stack.toTerraform() as { '//': { metadata: { overrides?: Record<string, unknown>; imports?: unknown } } };
    expect(json).toEqual(cdktfJson(stack));
    expect(json['//'].metadata.overrides?.kafka_topic).toEqual(['config']);
    expect(json['//'].metadata.imports).toEqual({ kafka_topic: [second?.friendlyUniqueId] });
  });

  it("equals cdktf's own when a stack override deletes own resources", () => {
    const [orders] = prodStacks();
    if (orders === undefined) throw new Error('no stack');
    // An override of undefined deletes what the elements wrote: here every ACL.
    orders.addOverride('resource.kafka_acl', undefined);
    const json = orders.toTerraform() as { resource: Record<string, unknown> };
    expect(json).toEqual(cdktfJson(orders));
    expect(json.resource.kafka_acl).toBeUndefined();
    expect(json.resource.kafka_topic).toBeDefined();
  });
});

describe('resolvedAsIs', () => {
  const resolve = (value: unknown): unknown => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'topicform-resolve-')), stackTraces: false });
    dirs.push(app.outdir);
    return Tokenization.resolve(value, { scope: new TerraformStack(app, 's'), preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
  };

  it('copies plain data, dropping undefined as resolve does', () => {
    const value = { a: 'x', b: undefined, c: [1, undefined, 'e00001-audit', { d: true, e: null }], f: {} };
    expect(resolvedAsIs(value)).toStrictEqual({ a: 'x', c: [1, 'e00001-audit', { d: true, e: null }], f: {} });
    expect(resolvedAsIs(value)).toStrictEqual(resolve(value));
  });

  it('leaves tokens, escapes and non-plain values to resolve', () => {
    for (const value of [
      Token.asString(Lazy.stringValue({ produce: () => 'x' })),
      `prefix-${Token.asString(Lazy.stringValue({ produce: () => 'x' }))}`,
      Token.asNumber(Lazy.numberValue({ produce: () => 1 })),
      Token.asList(Lazy.listValue({ produce: () => ['a'] })),
      `${Token.asNumber(Lazy.numberValue({ produce: () => 1 }))}`,
      Lazy.anyValue({ produce: () => 1 }),
      '${var.x}',
      'a } b',
      new Date(0),
      () => 1,
    ]) {
      expect(resolvedAsIs({ key: [value] }), String(value)).toBe(NOT_AS_IS);
    }
    expect(resolvedAsIs({ ['${key}']: 1 })).toBe(NOT_AS_IS);
  });

  it('finds a number token inside any text, and copies text whose number-like parts are no token (property)', () => {
    const token = Token.asNumber(Lazy.numberValue({ produce: () => 1 }));
    const text = fc.string({ unit: fc.constantFrom('a', 'x', '0', '9', 'e', 'E', '-', '.', '+', '|', ' ') });
    fc.assert(
      fc.property(text, text, (before, after) => {
        // Spaced off: a digit or sign written right next to an encoded number makes another number, as in cdktf.
        expect(resolvedAsIs(`${before} ${token} ${after}`)).toBe(NOT_AS_IS);
        // The reference: cdktf's number-token expression over the whole string, no shortcut.
        const plain = `${before}${after}`;
        const hasToken = [...plain.matchAll(/[-|\d|.+]+(e[-|\d|.|e|E|+]+)/g)].some(
          (m) => Number.isNaN(parseFloat(m[0])) === false && resolvedAsIs(parseFloat(m[0])) === NOT_AS_IS,
        );
        expect(resolvedAsIs(plain) === NOT_AS_IS).toBe(hasToken);
      }),
      { numRuns: 2_000 },
    );
  });

  it('agrees with resolve wherever it copies (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '1', 'e', 'E', '-', '.', '+', '$', '{', '}', '#', '&', ' ') });
    const leaf = fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node')), fc.dictionary(text, tie('node'))),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        const copy = resolvedAsIs(v);
        if (copy !== NOT_AS_IS) expect(copy).toStrictEqual(resolve(v));
      }),
      { numRuns: 300 },
    );
  });
});
