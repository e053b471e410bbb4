/**
 * Bounds and exact-match keywords of one alternative against one alternative: minimum/maximum (with their exclusive
 * forms folded in), minLength/maxLength, minItems/maxItems, minProperties/maxProperties, multipleOf, pattern, format.
 */
import type { JsonSchemaObject } from './json-schema';
import { boundRuleName, LOWER_BOUNDS, type BoundKeyword } from './rules';
import type { Walk } from './walk';

interface Bound {
  readonly value: number;
  readonly exclusive: boolean;
}

function boundOf(s: JsonSchemaObject, keyword: BoundKeyword): Bound | null {
  const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const inclusive = num(s[keyword]);
  const exclusiveKeyword = keyword === 'minimum' ? 'exclusiveMinimum' : keyword === 'maximum' ? 'exclusiveMaximum' : undefined;
  const exclusive = exclusiveKeyword === undefined ? null : num(s[exclusiveKeyword]);
  const a: Bound | null = inclusive === null ? null : { value: inclusive, exclusive: false };
  const b: Bound | null = exclusive === null ? null : { value: exclusive, exclusive: true };
  if (a === null || b === null) return a ?? b;
  return tighter(a, b, LOWER_BOUNDS.has(keyword)) ? a : b;
}

/** Whether bound `x` admits strictly fewer values than `y`. */
function tighter(x: Bound, y: Bound, lower: boolean): boolean {
  if (x.value !== y.value) return lower ? x.value > y.value : x.value < y.value;
  return x.exclusive && !y.exclusive;
}

function showBound(b: Bound | null, keyword: BoundKeyword): string {
  if (b === null) return 'none';
  const op = LOWER_BOUNDS.has(keyword) ? (b.exclusive ? '>' : '≥') : b.exclusive ? '<' : '≤';
  return keyword === 'minimum' || keyword === 'maximum' ? `${op} ${b.value}` : String(b.value);
}

export function compareBound(w: Walk, writer: JsonSchemaObject, reader: JsonSchemaObject, keyword: BoundKeyword, path: string): void {
  const bw = boundOf(writer, keyword);
  const br = boundOf(reader, keyword);
  const lower = LOWER_BOUNDS.has(keyword);
  const { before, after } = w.ba(bw, br);
  let change: 'added' | 'removed' | 'increased' | 'decreased';
  if (before === null && after === null) return;
  if (before === null) change = 'added';
  else if (after === null) change = 'removed';
  else if (tighter(after, before, lower)) change = lower ? 'increased' : 'decreased';
  else if (tighter(before, after, lower)) change = lower ? 'decreased' : 'increased';
  else return;
  const compatible = br === null || (bw !== null && !tighter(br, bw, lower));
  w.add(path, boundRuleName(keyword, change), `${keyword} ${showBound(before, keyword)} → ${showBound(after, keyword)}`, compatible);
}

export function compareExact(w: Walk, writer: JsonSchemaObject, reader: JsonSchemaObject, keyword: 'pattern' | 'format', path: string): void {
  const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const vw = text(writer[keyword]);
  const vr = text(reader[keyword]);
  if (vw === vr) return;
  const { before, after } = w.ba(vw, vr);
  const change = before === null ? 'added' : after === null ? 'removed' : 'changed';
  const show = (v: string | null): string => (v === null ? 'none' : JSON.stringify(v));
  w.add(path, `${keyword}-${change}`, `${keyword} ${show(before)} → ${show(after)}`, vr === null);
}

export function compareMultipleOf(w: Walk, writer: JsonSchemaObject, reader: JsonSchemaObject, path: string): void {
  const num = (v: unknown): number | null => (typeof v === 'number' && v > 0 ? v : null);
  const mw = num(writer.multipleOf);
  const mr = num(reader.multipleOf);
  if (mw === mr) return;
  const { before, after } = w.ba(mw, mr);
  const change = before === null ? 'added' : after === null ? 'removed' : 'changed';
  const ratio = mw !== null && mr !== null ? mw / mr : NaN;
  const compatible = mr === null || (Number.isFinite(ratio) && Math.abs(ratio - Math.round(ratio)) < 1e-9);
  w.add(path, `multiple-of-${change}`, `multipleOf ${before ?? 'none'} → ${after ?? 'none'}`, compatible);
}
