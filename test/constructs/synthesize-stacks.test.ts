import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../constructs/cdktf';
import { Annotations, Lazy, TerraformOutput, TerraformResource, Token } from '../../constructs/cdktf';
import type { KafkaStack } from '../../constructs/kafka-stack';
import { containsToken } from '../../constructs/synth/render-deferral';
import { synthesizeStacks } from '../../constructs/synth/synthesize-stacks';
import { canonicalJson } from '../../cli/write';
import { prodApp as resolvedProdApp } from '../helpers/prod-app';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The repository's prod environment (one stack per domain), resolved but not synthesized. */
function prodApp(): { app: App; stacks: readonly KafkaStack[] } {
  const dir = mkdtempSync(join(tmpdir(), 'topicform-stacks-'));
  dirs.push(dir);
  return resolvedProdApp(dir);
}

const resourcesIn = (app: App): number => app.node.findAll().filter((c) => c instanceof TerraformResource).length;

describe('synthesizeStacks', () => {
  it('writes each stack, in order, and releases its resources before the next one renders', () => {
    const { app, stacks } = prodApp();
    expect(stacks.map((s) => s.node.id)).toEqual(['prod-orders', 'prod-search']);
    // Rendering is lazy: nothing is in the tree before synthesis.
    expect(resourcesIn(app)).toBe(0);
    const seen: Array<{ stack: string; alive: number; topics: number }> = [];
    const manifest = synthesizeStacks(app, stacks, (stack, json) => {
      const topics = (json as { resource: { kafka_topic: Record<string, unknown> } }).resource.kafka_topic;
      seen.push({ stack: stack.node.id, alive: resourcesIn(app), topics: Object.keys(topics).length });
    });
    expect(seen.map((s) => s.stack)).toEqual(['prod-orders', 'prod-search']);
    for (const s of seen) expect(s.topics).toBeGreaterThan(0);
    // While a stack is written, only its own resources are alive: the one before it was released.
    const ordersResources = stacks[0]?.topology?.topics.length ?? 0;
    expect(seen[0]?.alive).toBeGreaterThanOrEqual(ordersResources);
    expect(seen[1]?.alive).toBeLessThan((seen[0]?.alive ?? 0) + (seen[1]?.topics ?? 0));
    expect(resourcesIn(app)).toBe(0);
    for (const stack of stacks) expect(stack.resources).toBeUndefined();
    // The Topology stays for what runs after synthesis.
    expect(stacks[0]?.topology?.topics.length).toBeGreaterThan(0);
    expect(Object.keys(manifest.stacks).sort()).toEqual(['prod-orders', 'prod-search']);
  });

  it("writes the same Terraform JSON as cdktf's App.synth() of stacks rendered before they are prepared", () => {
    const streamed = prodApp();
    const files = new Map<string, unknown>();
    synthesizeStacks(streamed.app, streamed.stacks, (stack, json) => void files.set(stack.node.id, json));
    const written = (app: App, stack: KafkaStack): unknown => JSON.parse(readFileSync(join(app.outdir, 'stacks', stack.node.id, 'cdk.tf.json'), 'utf8'));
    const eager = prodApp();
    // Reading `resources` renders them at once, so cdktf prepares them as it would any resource.
    for (const stack of eager.stacks) expect(stack.resources?.topics.size).toBeGreaterThan(0);
    eager.app.synth();
    for (const stack of eager.stacks) {
      expect(canonicalJson(files.get(stack.node.id))).toBe(canonicalJson(written(eager.app, stack)));
    }
    expect(files.size).toBe(2);
    // And App.synth() on stacks left to render when prepared (an app that calls it itself) writes the same.
    const lazy = prodApp();
    lazy.app.synth();
    for (const stack of lazy.stacks) expect(canonicalJson(written(lazy.app, stack))).toBe(canonicalJson(files.get(stack.node.id)));
  });

  it("records a stack's annotations in the manifest and stops at an error annotation, as cdktf's synthesizer does", () => {
    const { app, stacks } = prodApp();
    const [orders, search] = stacks;
    if (orders === undefined || search === undefined) throw new Error('no stacks');
    Annotations.of(orders).addWarning('a warning of the user');
    const manifest = synthesizeStacks(app, [orders], () => undefined);
    const entry = manifest.stacks['prod-orders'] as { annotations: Array<{ constructPath: string; level: string; message: string }> };
    expect(entry.annotations).toContainEqual(
      expect.objectContaining({ constructPath: 'prod/prod-orders', level: '@cdktf/warn', message: 'a warning of the user' }),
    );
    Annotations.of(search).addError('an error of the user');
    expect(() => synthesizeStacks(app, [search], () => undefined)).toThrow(
      'Encountered Annotations with level "ERROR":\n[prod/prod-search] an error of the user\n\nEither fix the issues above',
    );
  });

  it('refuses a stack with a synthesizer of its own, which it would otherwise bypass', () => {
    const { app, stacks } = prodApp();
    const [orders] = stacks;
    if (orders === undefined) throw new Error('no stack');
    orders.synthesizer = { synthesize: () => undefined };
    expect(() => synthesizeStacks(app, [orders], () => undefined)).toThrow(/stack prod\/prod-orders has a stack synthesizer of its own/);
  });

  it('refuses to synthesize a released stack again', () => {
    const { app, stacks } = prodApp();
    synthesizeStacks(app, stacks, () => undefined);
    expect(() => synthesizeStacks(app, stacks.slice(0, 1), () => undefined)).toThrow(/prod-orders was released after it was synthesized/);
  });

  it('stops on a reference from one stack to another, naming both', () => {
    const { app, stacks } = prodApp();
    const [orders, search] = stacks;
    if (orders === undefined || search === undefined) throw new Error('two stacks expected');
    const topic = [...(search.resources?.topics.values() ?? [])][0];
    if (topic === undefined) throw new Error('prod-search renders no topic');
    new TerraformOutput(orders, 'search-topic', { value: topic.name });
    expect(() => synthesizeStacks(app, stacks, () => undefined)).toThrow(
      /stack prod\/prod-orders refers to stack prod\/prod-search: topicform stacks are independent Terraform states/,
    );
    expect(existsSync(join(app.outdir, 'stacks', 'prod-orders', 'cdk.tf.json'))).toBe(false);
  });
});

describe('containsToken', () => {
  const plain = {
    topics: [{ name: 'orders.order-created', partitions: { value: 6 }, config: { 'retention.ms': '604800000' } }],
    acls: [{ principal: 'User:orders' }],
  };

  it('is false for literal values', () => {
    expect(containsToken(plain as never)).toBe(false);
  });

  it.each([
    ['a string token', { ...plain, acls: [{ principal: Token.asString(Lazy.stringValue({ produce: () => 'User:x' })) }] }],
    ['a number token', { ...plain, topics: [{ ...plain.topics[0], partitions: { value: Token.asNumber(Lazy.numberValue({ produce: () => 6 })) } }] }],
    [
      'a token inside a string',
      { ...plain, topics: [{ ...plain.topics[0], config: { 'retention.ms': `${Token.asString(Lazy.stringValue({ produce: () => '1' }))}000` } }] },
    ],
    ['an IResolvable', { ...plain, quotas: [{ entityName: Lazy.anyValue({ produce: () => 'x' }) }] }],
  ])('is true for %s', (_name, topology) => {
    expect(containsToken(topology as never)).toBe(true);
  });
});
