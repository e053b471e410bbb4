/**
 * The cdktf internals topicform relies on — private fields, modules under `cdktf/lib` that the package index does not
 * export, a symbol and a number encoding — each checked by name on whichever library `cdktf` resolves to: cdktf 0.21 in
 * the main CI leg, CDK Terrain (npm `cdktn`, installed under the cdktf name) in the cdktn leg (.ci/cdktn-leg,
 * docs/runtimes.md). A release that changes one of them fails here, saying which, rather than as a subtle difference in
 * synthesized output. What topicform builds on them is tested in test/constructs/stack-json.test.ts (the stack's JSON
 * equals cdktf's own) and synthesize-stacks.test.ts (the synthesis equals cdktf's App.synth()).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { App, Construct, deepMerge, invokeAspects, Lazy, StackSynthesizer, TerraformStack, Token, ValidateTerraformVersion } from '../../constructs/cdktf';
import { NOT_AS_IS, resolvedAsIs, TOKEN_DOUBLE_MARKERS, type StackInternals } from '../../constructs/stack-json';
import { CUSTOM_SYNTHESIS, synthesisSession, type CustomSynthesis, type SynthesizerInternals } from '../../constructs/stack-synthesis';

/** The library `cdktf` resolves to: cdktf itself, or cdktn behind an npm alias. */
const LIBRARY = JSON.parse(readFileSync(require.resolve('cdktf/package.json'), 'utf8')) as { name: string; version: string };

const scratch = mkdtempSync(join(tmpdir(), 'topicform-internals-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let apps = 0;
const newStack = (): TerraformStack => new TerraformStack(new App({ outdir: join(scratch, `app-${apps++}`), stackTraces: false }), 'internals');

/** The top 16 bits of a double: where cdktf marks an encoded number token. */
function topBits(value: number): number {
  const words = new Uint32Array(new Float64Array([value]).buffer);
  return (words[1] ?? 0) >>> 16;
}

describe(`the cdktf internals topicform relies on, in ${LIBRARY.name}@${LIBRARY.version}`, () => {
  it('the library behind `cdktf` is cdktf or CDK Terrain (cdktn)', () => {
    expect(['cdktf', 'cdktn']).toContain(LIBRARY.name);
  });

  it('cdktf/lib/synthesize/synthesizer exports invokeAspects and StackSynthesizer, cdktf/lib/validations/validate-terraform-version ValidateTerraformVersion (constructs/stack-synthesis.ts)', () => {
    expect(typeof invokeAspects).toBe('function');
    expect(typeof StackSynthesizer).toBe('function');
    expect(typeof ValidateTerraformVersion).toBe('function');
    expect(newStack().synthesizer).toBeInstanceOf(StackSynthesizer);
  });

  it('cdktf/lib/util exports deepMerge, which merges as TerraformStack.toTerraform() needs (constructs/stack-json.ts)', () => {
    const resolvable = Lazy.anyValue({ produce: () => 1 });
    const merged: unknown = deepMerge({ a: { b: 1, c: 2 }, list: [1], gone: 'x' }, { a: { c: 3 }, list: [2], gone: undefined, lazy: { resolvable } });
    // objects recurse, arrays concatenate, undefined deletes the key, a resolvable is taken whole
    expect(merged).toEqual({ a: { b: 1, c: 3 }, list: [1, 2], lazy: { resolvable } });
    expect((merged as { lazy: { resolvable: unknown } }).lazy.resolvable).toBe(resolvable);
  });

  it('a TerraformStack keeps its overrides in the private field rawOverrides (constructs/stack-json.ts)', () => {
    const stack = newStack();
    const internals = stack as unknown as StackInternals;
    expect(internals.rawOverrides).toEqual({});
    stack.addOverride('terraform.required_version', '>= 1.11');
    expect(internals.rawOverrides).toEqual({ terraform: { required_version: '>= 1.11' } });
  });

  it("a TerraformStack keeps the library version in the private field cdktfVersion, and toTerraform() writes it as the stack's version stamp (constructs/stack-json.ts, scripts/compare-synth.ts)", () => {
    const stack = newStack();
    expect((stack as unknown as StackInternals).cdktfVersion).toBe(LIBRARY.version);
    const json = TerraformStack.prototype.toTerraform.call(stack) as { '//': { metadata: { version: string } } };
    expect(json['//'].metadata.version).toBe(LIBRARY.version);
  });

  it('a StackSynthesizer keeps the private field continueOnErrorAnnotations, set from CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS (constructs/stack-synthesis.ts)', () => {
    const continues = (stack: TerraformStack): unknown => (stack.synthesizer as unknown as SynthesizerInternals).continueOnErrorAnnotations;
    expect(continues(newStack())).toBe(false);
    const saved = process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = '1';
    try {
      expect(continues(newStack())).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
      else process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = saved;
    }
  });

  it("the library's own synthesizer runs a construct's custom synthesis found under Symbol.for('cdktf/customSynthesis') (constructs/stack-synthesis.ts)", () => {
    const stack = newStack();
    const calls: unknown[] = [];
    const construct = new Construct(stack, 'custom') as unknown as Record<symbol, CustomSynthesis>;
    construct[CUSTOM_SYNTHESIS] = { onSynthesize: (session) => void calls.push(session) };
    const app = stack.node.scope as App;
    const session = synthesisSession(app);
    stack.synthesizer.synthesize(session);
    expect(calls).toEqual([session]);
  });

  it("the App's manifest gives each stack a writable annotations list and carries the library version (constructs/stack-synthesis.ts)", () => {
    const stack = newStack();
    const app = stack.node.scope as App;
    const entry = app.manifest.forStack(stack);
    expect(entry.annotations).toEqual([]);
    (entry as { annotations: unknown }).annotations = [{ level: 'x' }];
    expect(app.manifest.buildManifest()).toMatchObject({ version: LIBRARY.version, stacks: { internals: { annotations: [{ level: 'x' }] } } });
  });

  it('an encoded number token has the top bits 0xfdff and a number-list token 0xfbff, the markers resolvedAsIs looks for (constructs/stack-json.ts)', () => {
    const number = Token.asNumber(Lazy.numberValue({ produce: () => 1 }));
    const list = Token.asNumberList(Lazy.anyValue({ produce: () => [1] }))[0] ?? 0;
    expect(topBits(number).toString(16)).toBe('fdff');
    expect(topBits(list).toString(16)).toBe('fbff');
    expect([...TOKEN_DOUBLE_MARKERS].sort()).toEqual([topBits(list), topBits(number)].sort());
    // A number token written into a string is found by cdktf's NUMBER_TOKEN_REGEX, mirrored in stack-json.ts.
    expect(resolvedAsIs({ value: `partitions ${number}` })).toBe(NOT_AS_IS);
    expect(resolvedAsIs({ value: 'partitions 6, 1e3 bytes' })).toEqual({ value: 'partitions 6, 1e3 bytes' });
  });
});
