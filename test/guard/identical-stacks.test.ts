// The guard's fast paths for a stack that did not change (a pull request's usual case): the strict JSON check accepts
// text that JSON.stringify wrote without jsonc-parser's scanner, and a head file byte-identical to the base's is compared
// by its text. Each must give exactly the result of the full check, and nothing may hide behind them.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runGuard } from '../../cli/commands/guard';
import { guard } from '../../guard/guard';
import { parseStrictJson, scanStrictJson, writtenByStringify } from '../../guard/strict-json';
import type { BaseStack, GuardStack } from '../../guard/types';

/** A real synthesized output (the review corpus's committed seed: dev, prod-orders, prod-search). */
const SEED = join(__dirname, '..', 'fixtures', 'review', 'seed');
const root = mkdtempSync(join(tmpdir(), 'topicform-guard-identical-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const read = (dir: string, stack: string, file: string): string => readFileSync(join(dir, 'stacks', stack, file), 'utf8');
const stacks = readdirSync(join(SEED, 'stacks')).sort();

describe('strict JSON: text JSON.stringify wrote is accepted without the scanner, with the same result', () => {
  const json = fc.jsonValue();
  it('any value, written with or without indentation and a final newline, parses to the same value and problems', () => {
    fc.assert(
      fc.property(json, fc.constantFrom(undefined, 2), fc.boolean(), (value, indent, newline) => {
        const text = `${JSON.stringify(value, null, indent)}${newline ? '\n' : ''}`;
        expect(parseStrictJson(text)).toEqual(scanStrictJson(text));
      }),
    );
  });

  it('text in any other layout takes the scanner, with the same result', () => {
    fc.assert(
      fc.property(json, (value) => {
        const text = ` ${JSON.stringify(value, null, 4)}  `;
        expect(parseStrictJson(text)).toEqual(scanStrictJson(text));
      }),
    );
  });

  it('never accepts a duplicate key, a comment or a trailing comma, however the text is laid out', () => {
    const duplicate = '{\n  "resource": {},\n  "resource": {\n    "null_resource": {\n      "x": {}\n    }\n  }\n}\n';
    const comment = '{\n  "a": 1 // hidden\n}\n';
    const trailing = '{\n  "a": 1,\n}\n';
    for (const text of [duplicate, comment, trailing]) expect(writtenByStringify(text).ok).toBe(false);
    expect(parseStrictJson(duplicate).problems.map((p) => p.kind)).toEqual(['duplicate-key']);
    // A duplicate deep inside a stack written exactly as synth writes it.
    const terraform = read(SEED, 'dev', 'cdk.tf.json');
    const planted = terraform.replace('\n  "resource": {\n', '\n  "resource": {\n    "kafka_topic": {},\n');
    expect(planted).not.toBe(terraform);
    expect(parseStrictJson(planted).problems.map((p) => p.kind)).toEqual(['duplicate-key']);
  });

  it("accepts synth's real files by the fast path", () => {
    for (const stack of stacks) for (const file of ['cdk.tf.json', 'topology.json']) expect(writtenByStringify(read(SEED, stack, file)).ok).toBe(true);
  });
});

describe('a head stack byte-identical to the base is compared by its text', () => {
  const head = (dir: string, stack: string, edit: (terraform: string) => string = (t) => t): GuardStack => ({
    stack,
    directory: `head/stacks/${stack}`,
    entries: [
      { name: 'cdk.tf.json', kind: 'file' },
      { name: 'topology.json', kind: 'file' },
    ],
    terraform: edit(read(dir, stack, 'cdk.tf.json')),
    topology: read(dir, stack, 'topology.json'),
  });
  /** The base as the command reads it (texts kept), or without its texts: the full comparison of before. */
  const base = (withTexts: boolean): { label: string; stacks: BaseStack[] } => ({
    label: 'base',
    stacks: stacks.map((stack) => {
      const environment = (JSON.parse(read(SEED, stack, 'topology.json')) as { environment: { name: string; production: boolean } }).environment;
      return {
        stack,
        terraform: JSON.parse(read(SEED, stack, 'cdk.tf.json')) as unknown,
        environment: environment.name,
        production: environment.production,
        ...(withTexts ? { terraformText: read(SEED, stack, 'cdk.tf.json'), topologyText: read(SEED, stack, 'topology.json') } : {}),
      };
    }),
  });
  const changeTopic = (t: string): string => t.replace(/"partitions": (\d+)/, (_m, n: string) => `"partitions": ${Number(n) + 1}`);
  const changeBackend = (t: string): string => t.replace(/"local": \{\n(\s+)"path": "[^"]*"/, '"http": {\n$1"address": "https://evil.example.com"');

  it('gives the same result as the full comparison, with changed, settings-changed and unchanged stacks', () => {
    const input = [head(SEED, 'dev', changeTopic), head(SEED, 'prod-orders', changeBackend), head(SEED, 'prod-search')];
    const fast = guard({ stacks: input, base: base(true), options: { untrusted: true } });
    const full = guard({ stacks: input, base: base(false), options: { untrusted: true } });
    expect(fast).toEqual(full);
    expect(fast.stacks.map((s) => [s.stack, s.changed])).toEqual([
      ['dev', true],
      ['prod-orders', true],
      ['prod-search', false],
    ]);
    expect(fast.violations.map((v) => [v.stack, v.code])).toContainEqual(['prod-orders', 'backend-changed']);
  });

  it('still checks an identical-looking stack: a planted file beside it, a one-byte change, a duplicate key', () => {
    const planted = { ...head(SEED, 'prod-search'), entries: [...head(SEED, 'prod-search').entries, { name: 'x.tf', kind: 'file' as const }] };
    const oneByte = head(SEED, 'dev', (t) => t.replace('"name": "orders.order-created"', '"name": "orders.order-createe"'));
    const duplicate = head(SEED, 'prod-orders', (t) =>
      t.replace('\n  "resource": {\n', '\n  "resource": {\n    "null_resource": {\n      "x": {}\n    },\n').replace(/\n}\n$/, ',\n  "resource": {}\n}\n'),
    );
    const result = guard({ stacks: [planted, oneByte, duplicate], base: base(true), options: { untrusted: true } });
    expect(result.violations.map((v) => [v.stack, v.code])).toEqual(
      expect.arrayContaining([
        ['prod-search', 'unexpected-file'],
        ['prod-orders', 'duplicate-key'],
      ]),
    );
    expect(result.stacks.find((s) => s.stack === 'dev')?.changed).toBe(true);
    expect(result).toEqual(guard({ stacks: [planted, oneByte, duplicate], base: base(false), options: { untrusted: true } }));
  });

  it('the command, on directories, reports what the full comparison reports', () => {
    const baseDir = join(root, 'base');
    const headDir = join(root, 'head');
    cpSync(SEED, baseDir, { recursive: true });
    cpSync(SEED, headDir, { recursive: true });
    writeFileSync(join(headDir, 'stacks', 'dev', 'cdk.tf.json'), changeTopic(read(SEED, 'dev', 'cdk.tf.json')));
    let text = '';
    const stdout = { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream;
    const code = runGuard([headDir], { base: baseDir, untrusted: true, format: 'json' }, { stdout });
    expect(code).toBe(0);
    const input = stacks.map((s) => ({ ...head(headDir, s), directory: `${headDir}/stacks/${s}` }));
    const expected = guard({ stacks: input, strays: [], base: { ...base(false), label: baseDir }, options: { untrusted: true, remoteBackend: false } });
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(expected.stacks.map((s) => s.changed)).toEqual([true, false, false]);
  });

  it('a base file that is not JSON is still an input error naming it when the head differs', () => {
    const baseDir = join(root, 'bad-base');
    cpSync(SEED, baseDir, { recursive: true });
    writeFileSync(join(baseDir, 'stacks', 'dev', 'cdk.tf.json'), '{ not json');
    let err = '';
    const stderr = { write: (s: string) => ((err += s), true) } as unknown as NodeJS.WritableStream;
    expect(runGuard([SEED], { base: baseDir }, { stdout: { write: () => true } as unknown as NodeJS.WritableStream, stderr })).toBe(1);
    expect(err).toContain(`${baseDir}/stacks/dev/cdk.tf.json: not valid JSON`);
  });
});
