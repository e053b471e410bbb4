/**
 * A KafkaStack's Terraform JSON without resolving its own resources twice.
 *
 * cdktf's `TerraformStack.toTerraform()` (0.21.0, lib/terraform-stack.js) resolves every element's JSON, deep-merges the
 * fragments, then resolves the merged whole again. For a resource rendered from a Topology both passes only copy
 * plain data, and at 10,000 topics they were about half of the main thread's synthesis time (README "Performance").
 *
 * `stackJson` follows the same algorithm, with one difference: a fragment of the stack's own resources whose value
 * cdktf's resolve would return unchanged (`resolvedAsIs`: no token, no escape, no undefined kept) is copied once
 * instead of resolved twice, and grafted into the resolved rest at its address. Everything else — the backend, the
 * provider, what a user added, an own resource carrying a token or a `moved`/`import` block — is resolved by cdktf
 * exactly as before. Where grafting could differ from merging in element order (a stack override under `resource`, or
 * another element writing to the same address) it returns undefined and the caller uses cdktf's own method.
 */
import { DefaultTokenResolver, StringConcat, TerraformElement, TerraformOutput, TerraformStack, Tokenization, type IConstruct } from '../cdktf';
import { deepMerge, NUMBER_TOKEN_REGEX, stackLibraryVersion, stackOverrides, TOKEN_DOUBLE_MARKERS } from './internals';

type Json = Record<string, unknown>;

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/**
 * The stack's Terraform JSON, equal to `TerraformStack.prototype.toTerraform.call(stack)`, with the fragments of
 * `own` elements copied rather than resolved where that gives the same value; undefined where the shortcut does not
 * apply.
 */
export function stackJson(stack: TerraformStack, own: ReadonlySet<IConstruct>): Json | undefined {
  const overrides = stackOverrides(stack);
  if ('resource' in overrides) return undefined;
  const resolve = (value: unknown): unknown => Tokenization.resolve(value, { scope: stack, preparing: false, resolver: RESOLVER });

  const elements = terraformElements(stack);
  const metadata: Json = {
    version: stackLibraryVersion(stack),
    stackName: stack.node.id,
    backend: 'local',
    cloud: undefined,
    ...(Object.keys(overrides).length > 0 ? { overrides: { stack: Object.keys(overrides) } } : {}),
  };
  for (const element of elements) {
    const meta = element.toMetadata() as unknown;
    // Every resource returns `{ overrides, imports, moved }`, all undefined unless a user set one: resolve() of it is
    // {} and adds nothing, and was ~10 % of a stack's synthesis (one resolve per resource). Plain metadata is copied
    // as resolve would return it; anything else goes through resolve.
    const copy = resolvedAsIs(meta);
    if (copy === NOT_AS_IS) deepMerge(metadata, resolve(meta));
    else if (!isEmptyPlainObject(copy)) deepMerge(metadata, copy);
  }
  const outputs: Json = {};
  for (const element of elements) {
    if (!TerraformOutput.isTerraformOutput(element)) continue;
    deepMerge(
      outputs,
      element.node.path
        .split('/')
        .reduceRight<Json>((inner, part) => (Object.keys(inner).length === 0 ? { [part]: element.friendlyUniqueId } : { [part]: inner }), {}),
    );
  }

  const tf: Json = { '//': { metadata, outputs } };
  const grafts: Array<readonly [string, string, Json]> = [];
  for (const element of elements) {
    const fragment = element.toTerraform() as unknown;
    const graft = own.has(element) ? singleResource(fragment) : undefined;
    const body = graft === undefined ? NOT_AS_IS : resolvedAsIs(graft[2], 0);
    if (graft !== undefined && body !== NOT_AS_IS) grafts.push([graft[0], graft[1], body as Json]);
    else deepMerge(tf, resolve(fragment));
  }
  deepMerge(tf, overrides);
  const resolved = resolve(tf) as Json;

  for (const [type, address, body] of grafts) {
    const resources = (resolved.resource ??= {}) as Json;
    if (!isPlainObject(resources)) return undefined;
    const ofType = (resources[type] ??= {}) as Json;
    if (!isPlainObject(ofType) || address in ofType) return undefined;
    ofType[address] = body;
  }
  return resolved;
}

/** cdktf's terraformElements(): the stack's elements in construction order, not descending into nested stacks. */
function terraformElements(node: IConstruct, into: TerraformElement[] = []): TerraformElement[] {
  if (TerraformElement.isTerraformElement(node)) into.push(node);
  for (const child of node.node.children) if (!TerraformStack.isStack(child)) terraformElements(child, into);
  return into;
}

/**
 * `{ resource: { <type>: { <address>: body } } }` and nothing else: a resource without a `moved` or `import` block
 * (cdktf writes those keys as undefined when there is none, and resolve drops them).
 */
function singleResource(fragment: unknown): readonly [string, string, unknown] | undefined {
  if (!isPlainObject(fragment)) return undefined;
  const keys = Object.keys(fragment).filter((key) => fragment[key] !== undefined);
  if (keys.length !== 1 || keys[0] !== 'resource') return undefined;
  const byType = fragment.resource;
  if (!isPlainObject(byType) || Object.keys(byType).length !== 1) return undefined;
  const [type, byAddress] = Object.entries(byType)[0] as [string, unknown];
  if (!isPlainObject(byAddress) || Object.keys(byAddress).length !== 1) return undefined;
  const [address, body] = Object.entries(byAddress)[0] as [string, unknown];
  if (!isPlainObject(body) || !asIsString(type) || !asIsString(address)) return undefined;
  return [type, address, body];
}

export const NOT_AS_IS: unique symbol = Symbol('not resolved as is');

/** cdktf's resolve() gives up on deeper values (a circular reference); so does the shortcut, leaving them to it. */
const MAX_RESOLVE_DEPTH = 200;

/**
 * A copy of `value` as cdktf's resolve() would return it when that only copies (it drops undefined object values and
 * array elements), or NOT_AS_IS when resolve could return anything else or throw: a token (an IResolvable, an encoded
 * string, number or list), a string it would scan for escapes (`${`, `}`), a function, a construct, an object that is
 * not plain data (a Date is returned by reference).
 */
export function resolvedAsIs(value: unknown, depth = 0): unknown {
  if (depth > MAX_RESOLVE_DEPTH) return NOT_AS_IS;
  switch (typeof value) {
    case 'undefined':
    case 'boolean':
      return value;
    case 'string':
      return asIsString(value) ? value : NOT_AS_IS;
    case 'number':
      return isTokenDouble(value) ? NOT_AS_IS : value;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        const copy: unknown[] = [];
        for (let i = 0; i < value.length; i++) {
          const item = resolvedAsIs(value[i], depth + 1);
          if (item === NOT_AS_IS) return NOT_AS_IS;
          if (item !== undefined) copy.push(item);
        }
        return copy;
      }
      if (!isPlainObject(value) || typeof (value as { resolve?: unknown }).resolve === 'function') return NOT_AS_IS;
      const copy: Json = {};
      for (const key of Object.keys(value)) {
        if (!asIsString(key)) return NOT_AS_IS;
        const item = resolvedAsIs(value[key], depth + 1);
        if (item === NOT_AS_IS) return NOT_AS_IS;
        if (item !== undefined) copy[key] = item;
      }
      return copy;
    }
    default:
      // functions throw in resolve; bigints and symbols are left to it too
      return NOT_AS_IS;
  }
}

/**
 * A string resolve returns unchanged: no brace (string, list and map tokens and escapes all need one), and no
 * number-like part that decodes to an encoded number token.
 */
function asIsString(value: string): boolean {
  if (value.includes('{') || value.includes('}')) return false;
  // Most strings (names, principals, config values) have no exponent-like `e` at all, and skip the full scan.
  if (!NUMBER_TOKEN_HINT.test(value)) return true;
  for (const match of value.matchAll(NUMBER_TOKEN_REGEX)) if (isTokenDouble(parseFloat(match[0]))) return false;
  return true;
}

/**
 * What every match of NUMBER_TOKEN_REGEX contains: a character of its first class, `e`, a character of its second. A
 * string without it cannot hold an encoded number token; the full scan (`matchAll` trying every position) was ~2 % of
 * a synth's CPU, most of it on strings like these.
 */
const NUMBER_TOKEN_HINT = /[-|\d.+]e[-|\d.eE+]/;

const DOUBLE = new Float64Array(1);
const WORDS = new Uint32Array(DOUBLE.buffer);

function isTokenDouble(value: number): boolean {
  DOUBLE[0] = value;
  // Little-endian, as cdktf assumes: the second word holds the sign, exponent and top of the mantissa.
  return TOKEN_DOUBLE_MARKERS.has((WORDS[1] ?? 0) >>> 16);
}

function isPlainObject(value: unknown): value is Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function isEmptyPlainObject(value: unknown): boolean {
  return isPlainObject(value) && Object.keys(value).length === 0;
}
