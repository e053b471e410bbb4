/**
 * The single guard on the cdktf internals topicform relies on: every entry of CDKTF_INTERNALS
 * (constructs/synth/internals.ts, listed in constructs/synth/README.md) is checked by name on whichever library `cdktf`
 * resolves to — cdktf 0.21 in the main CI leg, CDK Terrain (npm `cdktn`, installed under the cdktf name) in the cdktn
 * leg (scripts/cdktn-leg.ts, docs/runtimes.md). A release that changes one fails here with the internal's name, where
 * it lived, who uses it and what breaks, rather than as a subtle difference in synthesized output.
 *
 * Each internal has exactly one probe (the PROBES record is typed by the list, so a new internal without a probe does
 * not compile), the README must name each one, and no other source file may reach an internal. What topicform builds
 * on them is tested in depth in test/constructs/stack-json.test.ts and synthesize-stacks.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Annotations, App, Aspects, Construct, Lazy, TerraformOutput, TerraformStack, TerraformVariable, Token } from '../../constructs/cdktf';
import {
  CDKTF_INTERNALS,
  continuesOnErrorAnnotations,
  CUSTOM_SYNTHESIS,
  customSynthesisOf,
  deepMerge,
  invokeAspects,
  isDefaultStackSynthesizer,
  NUMBER_TOKEN_REGEX,
  setManifestAnnotations,
  stackLibraryVersion,
  stackOverrides,
  STRING_TOKEN_MARKER,
  terraformVersionValidation,
  TOKEN_DOUBLE_MARKERS,
  type CdktfInternal,
  type CdktfInternalName,
} from '../../constructs/synth/internals';
import { containsToken } from '../../constructs/synth/render-deferral';
import { NOT_AS_IS, resolvedAsIs, stackJson } from '../../constructs/synth/stack-json';
import { synthesisSession, synthesizeStackJson, type Session } from '../../constructs/synth/stack-synthesis';
import { canonicalJson } from '../../cli/write';
import { Topic } from '../../gen/provider-kafka/lib/topic';
import { prodApp } from '../helpers/prod-app';

/** The library `cdktf` resolves to: cdktf itself, or cdktn behind an npm alias. */
const LIBRARY = JSON.parse(readFileSync(require.resolve('cdktf/package.json'), 'utf8')) as { name: string; version: string };
const ROOT = join(__dirname, '..', '..');

const scratch = mkdtempSync(join(tmpdir(), 'topicform-internals-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let apps = 0;
const newApp = (): App => new App({ outdir: join(scratch, `app-${apps++}`), stackTraces: false });
const newStack = (): TerraformStack => new TerraformStack(newApp(), 'internals');

/** The top 16 bits of a double: where cdktf marks an encoded number token. */
function topBits(value: number): number {
  const words = new Uint32Array(new Float64Array([value]).buffer);
  return (words[1] ?? 0) >>> 16;
}

/** One check per internal: passes when the installed library still has it and it behaves as topicform assumes. */
const PROBES: Record<CdktfInternalName, () => void> = {
  deepMerge: () => {
    const resolvable = Lazy.anyValue({ produce: () => 1 });
    const merged = deepMerge({ a: { b: 1, c: 2 }, list: [1], gone: 'x' }, { a: { c: 3 }, list: [2], gone: undefined, lazy: { resolvable } });
    // objects recurse, arrays concatenate, undefined deletes the key, a resolvable is taken whole
    expect(merged).toEqual({ a: { b: 1, c: 3 }, list: [1, 2], lazy: { resolvable } });
    expect((merged as { lazy: { resolvable: unknown } }).lazy.resolvable).toBe(resolvable);
  },
  invokeAspects: () => {
    const stack = newStack();
    const visited: string[] = [];
    new Construct(stack, 'child');
    Aspects.of(stack).add({ visit: (node) => void visited.push(node.node.path) });
    invokeAspects(stack);
    expect(visited).toEqual(['internals', 'internals/child']);
  },
  StackSynthesizer: () => {
    expect(isDefaultStackSynthesizer(newStack().synthesizer)).toBe(true);
    expect(isDefaultStackSynthesizer({ synthesize: () => undefined })).toBe(false);
  },
  ValidateTerraformVersion: () => {
    const validation = terraformVersionValidation('>=1.5', 'needs terraform 1.5');
    expect(typeof validation.validate).toBe('function');
  },
  'TerraformStack.rawOverrides': () => {
    const stack = newStack();
    expect(stackOverrides(stack)).toEqual({});
    stack.addOverride('terraform.required_version', '>= 1.11');
    expect(stackOverrides(stack)).toEqual({ terraform: { required_version: '>= 1.11' } });
  },
  'TerraformStack.cdktfVersion': () => {
    const stack = newStack();
    expect(stackLibraryVersion(stack)).toBe(LIBRARY.version);
    const json = TerraformStack.prototype.toTerraform.call(stack) as { '//': { metadata: { version: string } } };
    expect(json['//'].metadata.version).toBe(LIBRARY.version);
  },
  'StackSynthesizer.continueOnErrorAnnotations': () => {
    expect(continuesOnErrorAnnotations(newStack().synthesizer)).toBe(false);
    const saved = process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = '1';
    try {
      expect(continuesOnErrorAnnotations(newStack().synthesizer)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
      else process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = saved;
    }
  },
  "Symbol.for('cdktf/customSynthesis')": () => {
    const stack = newStack();
    const calls: unknown[] = [];
    const construct = new Construct(stack, 'custom');
    (construct as unknown as Record<symbol, unknown>)[CUSTOM_SYNTHESIS] = { onSynthesize: (session: Session) => void calls.push(session) };
    expect(customSynthesisOf(construct)).toBeDefined();
    const session = synthesisSession(stack.node.scope as App);
    // The library's own synthesizer finds it under the same symbol.
    stack.synthesizer.synthesize(session);
    expect(calls).toEqual([session]);
  },
  'StackManifest.annotations': () => {
    const stack = newStack();
    const entry = (stack.node.scope as App).manifest.forStack(stack);
    expect(entry.annotations).toEqual([]);
    setManifestAnnotations(entry, [{ level: 'x' }]);
    expect((stack.node.scope as App).manifest.buildManifest()).toMatchObject({
      version: LIBRARY.version,
      stacks: { internals: { annotations: [{ level: 'x' }] } },
    });
  },
  'number token markers 0xfdff and 0xfbff': () => {
    const number = Token.asNumber(Lazy.numberValue({ produce: () => 1 }));
    const list = Token.asNumberList(Lazy.anyValue({ produce: () => [1] }))[0] ?? 0;
    expect([...TOKEN_DOUBLE_MARKERS].sort()).toEqual([topBits(list), topBits(number)].sort());
    expect(resolvedAsIs({ value: number })).toBe(NOT_AS_IS);
  },
  NUMBER_TOKEN_REGEX: () => {
    const number = Token.asNumber(Lazy.numberValue({ produce: () => 1 }));
    // A number token written into a string is found by the regex, as cdktf's resolve finds it.
    expect([...`partitions ${number}`.matchAll(NUMBER_TOKEN_REGEX)].some((m) => TOKEN_DOUBLE_MARKERS.has(topBits(parseFloat(m[0]))))).toBe(true);
    expect(resolvedAsIs({ value: `partitions ${number}` })).toBe(NOT_AS_IS);
    expect(resolvedAsIs({ value: 'partitions 6, 1e3 bytes' })).toEqual({ value: 'partitions 6, 1e3 bytes' });
  },
  'string token marker TfToken[': () => {
    const lazy = Lazy.stringValue({ produce: () => 'x' });
    const list = Token.asList(Lazy.anyValue({ produce: () => ['x'] }));
    const map = Token.asStringMap(Lazy.anyValue({ produce: () => ({ a: 'x' }) }));
    for (const encoded of [lazy, list[0] ?? '', JSON.stringify(map)]) expect(encoded).toContain(STRING_TOKEN_MARKER);
    expect(containsToken({ topics: [{ name: lazy } as never], acls: [], quotas: [] })).toBe(true);
  },
  'TerraformStack.toTerraform() algorithm': () => {
    const { stacks } = prodApp(join(scratch, `app-${apps++}`));
    const [stack] = stacks;
    if (stack === undefined) throw new Error('the prod example has no stack');
    stack.render();
    const variable = new TerraformVariable(stack, 'override', { type: 'string' });
    new Topic(stack, 'UserTopic', { name: variable.stringValue, partitions: 1, replicationFactor: 3 });
    new TerraformOutput(stack, 'out', { value: variable.stringValue });
    stack.addOverride('terraform.required_version', '>= 1.11');
    const own = new Set<Construct>([...(stack.resources?.topics.values() ?? []), ...(stack.resources?.acls.values() ?? [])]);
    expect(own.size).toBeGreaterThan(0);
    expect(stackJson(stack, own)).toEqual(TerraformStack.prototype.toTerraform.call(stack));
  },
  'StackSynthesizer.synthesize() steps': () => {
    const ours = prodApp(join(scratch, `app-${apps++}`));
    const library = prodApp(join(scratch, `app-${apps++}`));
    const [stack] = ours.stacks;
    const [twin] = library.stacks;
    if (stack === undefined || twin === undefined) throw new Error('the prod example has no stack');
    for (const s of [stack, twin]) Annotations.of(s).addWarning('a warning');
    stack.prepareStack();
    const json = synthesizeStackJson(stack, synthesisSession(ours.app));
    twin.prepareStack();
    twin.synthesizer.synthesize(synthesisSession(library.app));
    const written = JSON.parse(readFileSync(join(library.app.outdir, 'stacks', twin.node.id, 'cdk.tf.json'), 'utf8')) as unknown;
    expect(canonicalJson(json)).toBe(canonicalJson(written));
    expect(ours.app.manifest.buildManifest().stacks).toEqual(library.app.manifest.buildManifest().stacks);
  },
};

/** Runs a probe, turning its failure into one that names the internal and says what breaks. */
function guard(internal: CdktfInternal, probe: () => void): void {
  try {
    probe();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      `cdktf internal "${internal.name}" changed in ${LIBRARY.name}@${LIBRARY.version}\n` +
        `  was: cdktf 0.21 ${internal.cdktf}; cdktn 0.24 ${internal.cdktn}\n` +
        `  used by: ${internal.usedBy}\n  breaks: ${internal.breaks}\n` +
        `  update ${internal.usedBy}, constructs/synth/internals.ts and constructs/synth/README.md\n\n${detail}`,
      { cause: error },
    );
  }
}

/** Source files of the project (not tests, generated bindings or dependencies). */
function sources(dir: string, into: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (['node_modules', 'gen', 'dist', 'cdktf.out', 'test', '.git', 'coverage', 'reports'].includes(name) || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, into);
    else if (name.endsWith('.ts')) into.push(relative(ROOT, path).split('\\').join('/'));
  }
  return into;
}

describe(`the cdktf internals topicform relies on, in ${LIBRARY.name}@${LIBRARY.version}`, () => {
  it('the library behind `cdktf` is cdktf or CDK Terrain (cdktn)', () => {
    expect(['cdktf', 'cdktn']).toContain(LIBRARY.name);
  });

  it.each(CDKTF_INTERNALS.map((internal) => [internal.name, internal] as const))('%s (constructs/synth/internals.ts)', (_name, internal) => {
    guard(internal, PROBES[internal.name]);
  });

  it('constructs/synth/README.md lists every internal, with where it lives in cdktf 0.21 and cdktn 0.24', () => {
    const readme = readFileSync(join(ROOT, 'constructs', 'synth', 'README.md'), 'utf8');
    const lines = readme.split('\n');
    const header = lines.findIndex((line) => line.startsWith('| internal |'));
    expect(header, 'the README has no table headed "| internal |"').toBeGreaterThan(-1);
    const end = lines.findIndex((line, i) => i > header && !line.startsWith('|'));
    const rows = lines.slice(header + 2, end === -1 ? undefined : end);
    const missing = CDKTF_INTERNALS.filter(
      (internal) => !rows.some((row) => row.startsWith(`| \`${internal.name}\` |`) && row.includes(internal.cdktf) && row.includes(internal.cdktn)),
    );
    expect(missing.map((m) => m.name)).toEqual([]);
    expect(rows).toHaveLength(CDKTF_INTERNALS.length);
  });

  it('no source file but constructs/synth/internals.ts reaches a cdktf internal (deep import or private field)', () => {
    const reaching = /cdktf\/lib\/|\brawOverrides\b|\.cdktfVersion\b|continueOnErrorAnnotations|cdktf\/customSynthesis|TfToken\[|0xfdff|0xfbff/;
    const offenders = sources(ROOT).filter((file) => file !== 'constructs/synth/internals.ts' && reaching.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
