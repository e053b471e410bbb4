/**
 * Step 3, uniqueness: a declaration made twice is reported once, at the second, and left out from then on; topic names
 * (derived and companion names included) must be legal and distinct, also in Kafka's metric names.
 */
import type { Issue } from '../issues';
import { checkTopicName, metricCollisionKey } from '../naming';
import type { SourceLocation } from '../schema';
import type { ResolvedTopic } from '../topology';
import { byName, where, type Collector } from './collect';
import * as m from './messages';

/** The first declaration of each key; every later one is reported with `duplicate(item, first)`. */
export function uniqueBy<T extends { readonly source: SourceLocation }>(
  items: readonly T[],
  key: (item: T) => string,
  out: Collector,
  duplicate: (item: T, first: T) => Issue,
): Map<string, T> {
  const seen = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, item);
    else out.add(item.source, duplicate(item, first));
  }
  return seen;
}

/** Kafka's legality rules on every topic name, and names that clash exactly or only by `.` versus `_`. */
export function checkTopicNames(topics: ReadonlyArray<Pick<ResolvedTopic, 'name' | 'source'>>, out: Collector): void {
  const byCollisionKey = new Map<string, Pick<ResolvedTopic, 'name' | 'source'>>();
  for (const t of [...topics].sort(byName)) {
    out.add(t.source, ...checkTopicName(t.name).map((i) => ({ ...i, path: i.path === '' ? 'name' : i.path })));
    const key = metricCollisionKey(t.name);
    const first = byCollisionKey.get(key);
    if (first === undefined) {
      byCollisionKey.set(key, t);
    } else if (first.name === t.name) {
      out.add(t.source, m.duplicateTopicName(t.name, where(first.source)));
    } else {
      out.add(t.source, m.topicNameCollision(t.name, first.name, where(first.source)));
    }
  }
}
