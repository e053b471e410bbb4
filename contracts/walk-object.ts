/**
 * Objects against objects, by content model (contracts/json-schema.ts): undeclared properties, each declared property
 * (added, removed, or compared), required properties, and the property-count bounds.
 */
import {
  acceptsEverything,
  acceptsNothing,
  childPath,
  contentModelOf,
  propertiesOf,
  requiredOf,
  ROOT_PATH,
  type ContentModel,
  type JsonSchemaObject,
} from './json-schema';
import type { ChangeRule } from './rules';
import { compareBound } from './walk-bounds';
import type { Walk } from './walk';

function modelName(m: ContentModel): 'closed-model' | 'open-model' | 'partially-open-model' {
  return m.kind === 'closed' ? 'closed-model' : m.kind === 'open' ? 'open-model' : 'partially-open-model';
}

function showModel(m: ContentModel): string {
  return m.kind === 'closed' ? 'closed (additionalProperties: false)' : m.kind === 'open' ? 'open' : 'partially open (additionalProperties: <schema>)';
}

function additionalPath(path: string): string {
  return path === ROOT_PATH ? '*' : `${path}.*`;
}

export function compareObject(w: Walk, writer: JsonSchemaObject, reader: JsonSchemaObject, path: string): void {
  for (const k of ['minProperties', 'maxProperties'] as const) compareBound(w, writer, reader, k, path);
  const wm = contentModelOf(writer);
  const rm = contentModelOf(reader);
  compareContentModels(w, wm, rm, path);

  const wp = propertiesOf(writer);
  const rp = propertiesOf(reader);
  const keys = [...new Set([...Object.keys(wp), ...Object.keys(rp)])].sort(compareStrings);
  for (const key of keys) {
    const p = childPath(path, key);
    const ws = wp[key];
    const rs = rp[key];
    if (ws !== undefined && rs !== undefined) {
      w.compare(ws, rs, p);
    } else if (ws !== undefined) {
      // The writer declares it, the reader does not: the reader's content model decides.
      const compatible = acceptsNothing(ws) || rm.kind === 'open' || (rm.kind === 'partially-open' && w.accepts(ws, rm.schema) === 'yes');
      const removed = w.writerIsBefore;
      const rule = `property-${removed ? 'removed' : 'added'}-${modelName(rm)}` as ChangeRule;
      w.add(p, rule, `property "${key}" ${removed ? 'removed' : 'added'}; the ${removed ? 'new' : 'old'} object is ${showModel(rm)}`, compatible);
    } else if (rs !== undefined) {
      // The reader declares it, the writer does not: the writer's content model says what the writer may put there.
      const compatible = wm.kind === 'closed' || (wm.kind === 'open' ? acceptsEverything(rs) : w.accepts(wm.schema, rs) === 'yes');
      const added = w.writerIsBefore;
      const rule = `property-${added ? 'added' : 'removed'}-${modelName(wm)}` as ChangeRule;
      w.add(p, rule, `property "${key}" ${added ? 'added' : 'removed'}; the ${added ? 'old' : 'new'} object is ${showModel(wm)}`, compatible);
    }
  }

  const wr = requiredOf(writer);
  const rr = requiredOf(reader);
  for (const key of [...new Set([...wr, ...rr])].sort(compareStrings)) {
    if (wr.has(key) === rr.has(key)) continue;
    const readerRequires = rr.has(key);
    const afterRequires = w.writerIsBefore ? readerRequires : !readerRequires;
    w.add(
      childPath(path, key),
      afterRequires ? 'required-added' : 'required-removed',
      `"${key}" ${afterRequires ? 'is now required' : 'is no longer required'}`,
      !readerRequires,
    );
  }
}

function compareContentModels(w: Walk, wm: ContentModel, rm: ContentModel, path: string): void {
  const { before, after } = w.ba(wm, rm);
  const summary = `additional properties: ${showModel(before)} → ${showModel(after)}`;
  if (wm.kind === 'partially-open' && rm.kind === 'partially-open') {
    w.compare(wm.schema, rm.schema, additionalPath(path));
    return;
  }
  if (before.kind === after.kind) return;
  let rule: ChangeRule;
  if (after.kind === 'closed') rule = 'content-model-closed';
  else if (before.kind === 'closed') rule = 'content-model-opened';
  else rule = after.kind === 'partially-open' ? 'content-model-narrowed' : 'content-model-widened';
  // The reader accepts the writer's undeclared properties when the writer has none, or the reader is open.
  const compatible = wm.kind === 'closed' || rm.kind === 'open';
  w.add(path, rule, summary, compatible);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
