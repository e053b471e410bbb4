/**
 * Every cdktf internal topicform relies on, in one file: the modules under `cdktf/lib` that the package index does not
 * export, the private fields it reads, a symbol, and the token encoding it recognizes. Nothing else in the code base
 * reaches past cdktf's public API (ESLint enforces the deep imports, eslint.config.mjs), so a cdktf or CDK Terrain
 * release that changes one of them breaks here and nowhere else.
 *
 * `CDKTF_INTERNALS` lists them with where each lives in cdktf 0.21 and CDK Terrain 0.24 and what breaks if it changes;
 * constructs/synth/README.md shows the same list, and test/runtimes/cdktf-internals.test.ts checks each one by name on
 * whichever library `cdktf` resolves to (CI runs it on both), failing with the internal's name and this entry.
 *
 * The deep modules are loaded on first use rather than when this file loads: a library without one then fails the use
 * with a message naming the internal, instead of failing every import of topicform with "Cannot find module".
 */
import type { deepMerge as DeepMerge } from 'cdktf/lib/util';
import type { invokeAspects as InvokeAspects, StackSynthesizer as StackSynthesizerClass } from 'cdktf/lib/synthesize/synthesizer';
import type { ValidateTerraformVersion as ValidateTerraformVersionClass } from 'cdktf/lib/validations/validate-terraform-version';
import type { TerraformStack } from '../cdktf';

/** One internal: what it is, where it lives in each library, and who in topicform uses it. */
export interface CdktfInternal {
  readonly name: string;
  /** Where in cdktf 0.21.0 (paths below the package root). */
  readonly cdktf: string;
  /** Where in CDK Terrain (npm `cdktn`) 0.24.0. */
  readonly cdktn: string;
  /** The topicform module that relies on it. */
  readonly usedBy: string;
  /** What goes wrong if a release changes it. */
  readonly breaks: string;
}

export const CDKTF_INTERNALS = [
  {
    name: 'deepMerge',
    cdktf: 'lib/util.js, export deepMerge',
    cdktn: 'lib/util.js, export deepMerge',
    usedBy: 'constructs/synth/stack-json.ts',
    breaks: "stackJson merges element fragments as TerraformStack.toTerraform() does; merged differently, a stack's JSON would differ from cdktf's",
  },
  {
    name: 'invokeAspects',
    cdktf: 'lib/synthesize/synthesizer.js, export invokeAspects',
    cdktn: 'lib/synthesize/synthesizer.js, export invokeAspects',
    usedBy: 'constructs/synth/stack-synthesis.ts',
    breaks: "a stack's aspects (a user's, and the KafkaStack's own render-on-visit) would not run before its synthesis",
  },
  {
    name: 'StackSynthesizer',
    cdktf: 'lib/synthesize/synthesizer.js, export StackSynthesizer',
    cdktn: 'lib/synthesize/synthesizer.js, export StackSynthesizer',
    usedBy: 'constructs/synth/stack-synthesis.ts',
    breaks: "synthesis tells the library's default synthesizer from a custom one by it; without it every stack would be refused",
  },
  {
    name: 'ValidateTerraformVersion',
    cdktf: 'lib/validations/validate-terraform-version.js, export ValidateTerraformVersion',
    cdktn: 'lib/validations/validate-terraform-version.js, export ValidateTerraformVersion',
    usedBy: 'constructs/synth/stack-synthesis.ts',
    breaks: 'a stack with a `moved` block would no longer get the library\'s "Terraform >= 1.5" validation',
  },
  {
    name: 'TerraformStack.rawOverrides',
    cdktf: 'lib/terraform-stack.js, private field set by addOverride()',
    cdktn: 'lib/terraform-stack.js, private field set by addOverride()',
    usedBy: 'constructs/synth/stack-json.ts',
    breaks: "a stack's overrides (required_version, import blocks) would be missing from its JSON, or stackJson would throw",
  },
  {
    name: 'TerraformStack.cdktfVersion',
    cdktf: 'lib/terraform-stack.js, private field from the App\'s "cdktfVersion" context',
    cdktn: 'lib/terraform-stack.js, private field from the App\'s "cdktfVersion" context',
    usedBy: 'constructs/synth/stack-json.ts',
    breaks: "the version stamp in each stack's `//.metadata` would be missing or wrong",
  },
  {
    name: 'StackSynthesizer.continueOnErrorAnnotations',
    cdktf: 'lib/synthesize/synthesizer.js, private constructor field, set by App from CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS',
    cdktn: 'lib/synthesize/synthesizer.js, private constructor field, set by App from CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS',
    usedBy: 'constructs/synth/stack-synthesis.ts',
    breaks: 'the environment variable would stop working: error annotations would always (or never) stop synthesis',
  },
  {
    name: "Symbol.for('cdktf/customSynthesis')",
    cdktf: 'lib/synthesize/synthesizer.js, CUSTOM_SYNTHESIS_SYM (addCustomSynthesis)',
    cdktn: 'lib/synthesize/synthesizer.js, CUSTOM_SYNTHESIS_SYM (addCustomSynthesis)',
    usedBy: 'constructs/synth/stack-synthesis.ts',
    breaks: "constructs with a custom synthesis step (the library's assets) would be skipped",
  },
  {
    name: 'StackManifest.annotations',
    cdktf: 'lib/manifest.js, a readonly field the synthesizer assigns',
    cdktn: 'lib/manifest.js, a readonly field the synthesizer assigns',
    usedBy: 'constructs/synth/stack-synthesis.ts',
    breaks: "manifest.json would lose each stack's annotations",
  },
  {
    name: 'number token markers 0xfdff and 0xfbff',
    cdktf: 'lib/tokens/private/encoding.js, DOUBLE_TOKEN_MARKER_BITS and DOUBLE_LIST_TOKEN_MARKER_BITS',
    cdktn: 'lib/tokens/private/encoding.js, DOUBLE_TOKEN_MARKER_BITS and DOUBLE_LIST_TOKEN_MARKER_BITS',
    usedBy: 'constructs/synth/stack-json.ts',
    breaks: 'a resource holding a number token would be copied as a number instead of resolved: wrong output',
  },
  {
    name: 'NUMBER_TOKEN_REGEX',
    cdktf: 'lib/tokens/private/encoding.js, NUMBER_TOKEN_REGEX',
    cdktn: 'lib/tokens/private/encoding.js, NUMBER_TOKEN_REGEX',
    usedBy: 'constructs/synth/stack-json.ts',
    breaks: 'a number token written into a string would be copied instead of resolved: wrong output',
  },
  {
    name: 'string token marker TfToken[',
    cdktf: 'lib/tokens/private/encoding.js, BEGIN_STRING_TOKEN_MARKER / BEGIN_LIST_TOKEN_MARKER / BEGIN_MAP_TOKEN_MARKER',
    cdktn: 'lib/tokens/private/encoding.js, BEGIN_STRING_TOKEN_MARKER / BEGIN_LIST_TOKEN_MARKER / BEGIN_MAP_TOKEN_MARKER',
    usedBy: 'constructs/synth/render-deferral.ts',
    breaks: 'a Topology holding a string token would be rendered after prepareStack: a cross-stack reference would not be wired',
  },
  {
    name: 'TerraformStack.toTerraform() algorithm',
    cdktf: 'lib/terraform-stack.js, toTerraform()',
    cdktn: 'lib/terraform-stack.js, toTerraform() (the same code)',
    usedBy: 'constructs/synth/stack-json.ts',
    breaks: 'stackJson follows it step by step (metadata, outputs, fragments, overrides, resolve); if it changes, stackJson must too',
  },
  {
    name: 'StackSynthesizer.synthesize() steps',
    cdktf: 'lib/synthesize/synthesizer.js, synthesize(); its error text from lib/errors.js encounteredAnnotationWithLevelError',
    cdktn: 'lib/synthesize/synthesizer.js, synthesize(): also prepares the stack when the session has no stacksPrepared (synthesizeStacks prepares it itself)',
    usedBy: 'constructs/synth/stack-synthesis.ts',
    breaks: 'synthesizeStackJson repeats those steps; a step added to the library would be missing from topicform synth',
  },
] as const satisfies readonly CdktfInternal[];

export type CdktfInternalName = (typeof CDKTF_INTERNALS)[number]['name'];

/** The README and error messages' pointer to this list. */
const CATALOGUE = 'constructs/synth/README.md';

/** Loads a deep module once, failing with the internal's name and the installed library's version. */
function deepModule<T>(specifier: string, name: CdktfInternalName, load: () => T): () => T {
  let loaded: T | undefined;
  return () => {
    if (loaded !== undefined) return loaded;
    try {
      loaded = load();
    } catch (error) {
      throw new Error(
        `topicform relies on the cdktf internal ${name} (${specifier}, ${CATALOGUE}), which ${installedLibrary()} does not have: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const exported = (loaded as Record<string, unknown>)[name];
    if (typeof exported !== 'function') {
      throw new Error(`topicform relies on the cdktf internal ${name} (${specifier}, ${CATALOGUE}), which ${installedLibrary()} no longer exports`);
    }
    return loaded;
  };
}

function installedLibrary(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- read only to name the library in an error
    const pkg = require('cdktf/package.json') as { name?: string; version?: string };
    return `${pkg.name ?? 'cdktf'}@${pkg.version ?? '?'}`;
  } catch {
    return 'the installed cdktf';
  }
}

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see the header */
const util = deepModule('cdktf/lib/util', 'deepMerge', () => require('cdktf/lib/util') as { deepMerge: typeof DeepMerge });
const synthesizer = deepModule(
  'cdktf/lib/synthesize/synthesizer',
  'invokeAspects',
  () => require('cdktf/lib/synthesize/synthesizer') as { invokeAspects: typeof InvokeAspects; StackSynthesizer: typeof StackSynthesizerClass },
);
const terraformVersion = deepModule(
  'cdktf/lib/validations/validate-terraform-version',
  'ValidateTerraformVersion',
  () => require('cdktf/lib/validations/validate-terraform-version') as { ValidateTerraformVersion: typeof ValidateTerraformVersionClass },
);
/* eslint-enable @typescript-eslint/no-require-imports */

/** cdktf's deep merge: objects recurse, arrays concatenate, undefined deletes the key, a resolvable is taken whole. */
export function deepMerge(target: unknown, ...sources: unknown[]): unknown {
  return util().deepMerge(target, ...sources);
}

/** cdktf's aspect invocation, as its stack synthesizer runs it. */
export function invokeAspects(root: Parameters<typeof InvokeAspects>[0]): void {
  synthesizer().invokeAspects(root);
}

/** Whether `value` is the library's default stack synthesizer (not one of a user's). */
export function isDefaultStackSynthesizer(value: unknown): boolean {
  const { StackSynthesizer } = synthesizer();
  if (typeof StackSynthesizer !== 'function') {
    throw new Error(
      `topicform relies on the cdktf internal StackSynthesizer (cdktf/lib/synthesize/synthesizer, ${CATALOGUE}), which ${installedLibrary()} no longer exports`,
    );
  }
  return value instanceof StackSynthesizer;
}

/** cdktf's validation that the installed terraform satisfies `range` (as its synthesizer adds for resource moves). */
export function terraformVersionValidation(range: string, message: string): ValidateTerraformVersionClass {
  return new (terraformVersion().ValidateTerraformVersion)(range, message);
}

type Json = Record<string, unknown>;

/** The private fields of a TerraformStack that its own toTerraform() reads. */
interface StackFields {
  readonly rawOverrides?: unknown;
  readonly cdktfVersion?: unknown;
}

/** A stack's overrides (addOverride), as toTerraform() merges them last: TerraformStack's private `rawOverrides`. */
export function stackOverrides(stack: TerraformStack): Json {
  const overrides = (stack as unknown as StackFields).rawOverrides;
  if (overrides === null || typeof overrides !== 'object') {
    throw new Error(`topicform relies on the cdktf internal TerraformStack.rawOverrides (${CATALOGUE}), which ${installedLibrary()} no longer keeps`);
  }
  return overrides as Json;
}

/** The library version a stack stamps into its metadata: TerraformStack's private `cdktfVersion`. */
export function stackLibraryVersion(stack: TerraformStack): unknown {
  return (stack as unknown as StackFields).cdktfVersion;
}

/** Whether error annotations let synthesis go on: StackSynthesizer's private `continueOnErrorAnnotations`. */
export function continuesOnErrorAnnotations(synthesizerOfStack: unknown): boolean {
  return (synthesizerOfStack as { continueOnErrorAnnotations?: unknown }).continueOnErrorAnnotations === true;
}

/** A construct's custom synthesis step, as cdktf's addCustomSynthesis stores it. */
export interface CustomSynthesis<Session> {
  onSynthesize(session: Session): void;
}

/** cdktf's marker for constructs with a custom synthesis step (addCustomSynthesis). */
export const CUSTOM_SYNTHESIS = Symbol.for('cdktf/customSynthesis');

/** The custom synthesis step `node` carries, if any. */
export function customSynthesisOf<Session>(node: object): CustomSynthesis<Session> | undefined {
  return (node as Record<symbol, CustomSynthesis<Session> | undefined>)[CUSTOM_SYNTHESIS];
}

/** Assigns a stack manifest entry's annotations, which cdktf declares read-only and only its synthesizer fills in. */
export function setManifestAnnotations(entry: object, annotations: readonly unknown[]): void {
  (entry as { annotations: unknown }).annotations = annotations;
}

/** The top 16 bits cdktf marks an encoded number (0xfdff) or number-list (0xfbff) token with (encoding.js). */
export const TOKEN_DOUBLE_MARKERS: ReadonlySet<number> = new Set([0xfdff, 0xfbff]);

/** cdktf's NUMBER_TOKEN_REGEX (encoding.js): what resolve splits a string on to find number tokens. */
export const NUMBER_TOKEN_REGEX = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/g;

/** What every encoded string, list and map token contains (`${TfToken[`, `#{TfToken[`, `&{TfToken[`; encoding.js). */
export const STRING_TOKEN_MARKER = 'TfToken[';
