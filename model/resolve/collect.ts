/**
 * What every step of resolve shares: the issue collector, where a declaration was made, and the stable orderings that
 * keep the Topology byte-identical whatever the declaration order.
 */
import type { z } from 'zod';
import { fromZod, type Issue } from '../issues';
import { compare, sortByKey } from '../compare';
import type { SourceLocation } from '../schema';

/** An issue and the declaration it is about. */
export interface LocatedIssue extends Issue {
  readonly source: SourceLocation;
}

/** Collects every issue of a run: resolve reports all problems at once, never only the first. */
export class Collector {
  readonly issues: LocatedIssue[] = [];
  add(source: SourceLocation, ...issues: Issue[]): void {
    for (const issue of issues) this.issues.push({ ...issue, source });
  }
}

const UNKNOWN_SOURCE: SourceLocation = { path: '<unknown>' };

/** Where a declaration was made, for messages: its file and line when known (the same in every environment), else its construct path. */
export function where(source: SourceLocation): string {
  return source.file === undefined ? source.path : `${source.file}${source.line === undefined ? '' : `:${source.line}`}`;
}

/** The source a raw (not yet parsed) declaration carries, if it carries one. */
export function sourceOf(raw: unknown): SourceLocation {
  if (typeof raw === 'object' && raw !== null && 'source' in raw) {
    const s = raw.source;
    if (typeof s === 'object' && s !== null && typeof (s as { path?: unknown }).path === 'string') return s as SourceLocation;
  }
  return UNKNOWN_SOURCE;
}

/** Parses each raw declaration; the ones that fail are reported at their source and left out. */
export function parseAll<S extends z.ZodType>(schema: S, raws: readonly unknown[], out: Collector): Array<z.infer<S>> {
  const parsed: Array<z.infer<S>> = [];
  for (const raw of raws) {
    const result = schema.safeParse(raw);
    if (result.success) parsed.push(result.data);
    else out.add(sourceOf(raw), ...fromZod(result.error));
  }
  return parsed;
}

/** A string field of each raw declaration that is an object and has it. */
export function rawNames(raws: readonly unknown[], name: (raw: Record<string, unknown>) => unknown): string[] {
  return raws.flatMap((raw) => {
    if (typeof raw !== 'object' || raw === null) return [];
    const value = name(raw as Record<string, unknown>);
    return typeof value === 'string' ? [value] : [];
  });
}

export { compare };
export const byName = <T extends { readonly name: string }>(a: T, b: T): number => compare(a.name, b.name);

export function sortRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compare(a, b)));
}

/** Issues in a stable order: by declaration, then field, then code (a stable sort keeps the rest as found). */
export function sortIssues(issues: readonly LocatedIssue[]): LocatedIssue[] {
  return sortByKey(issues, (i) => `${i.source.path}\u0000${i.path}\u0000${i.code}`);
}

export function maxOf(values: ReadonlyArray<number | undefined>): number | undefined {
  const defined = values.filter((v): v is number => v !== undefined);
  return defined.length === 0 ? undefined : Math.max(...defined);
}
