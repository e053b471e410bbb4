/**
 * Short Mermaid node ids. Ids used to spell the whole name with every other character escaped
 * (`t_orders_2eorder_2dcreated_2epayment_2edlq`), and were about 60 % of a graph's text: an environment of ~62 topics
 * passed Mermaid's default text limit and did not render. An id is now the node kind's letter and a hash of the name
 * in base 36 (`t1k9zq2`): at most 8 characters, derived from the name alone, so adding a topic changes only its own
 * lines in a diff. The label, not the id, is what a reader sees.
 */

/** Node id prefixes: `service:`, `topic:`, `group:`, `domain:` → one letter each. */
const KIND_LETTERS: Readonly<Record<string, string>> = { service: 's', topic: 't', group: 'g', domain: 'd' };

/**
 * Words Mermaid's flowchart grammar reads as keywords wherever an id may stand; a hash spelling one gets a suffix.
 * (From the flowchart lexer: the statement keywords and the `click` callbacks.)
 */
const RESERVED = new Set([
  'end',
  'graph',
  'flowchart',
  'subgraph',
  'style',
  'class',
  'classdef',
  'click',
  'call',
  'href',
  'direction',
  'default',
  'linkstyle',
  'interpolate',
]);

/**
 * Mermaid ids for a set of graph ids (`topic:orders.order-created`, …), injective over the set: names whose hashes
 * collide (about one pair in a few thousand nodes at 32 bits) get `_1`, `_2`, … in name order, so the result depends on
 * the set, never on the order it is given in.
 */
export function mermaidIds(ids: Iterable<string>): ReadonlyMap<string, string> {
  const byShort = new Map<string, string[]>();
  for (const id of new Set(ids)) {
    const short = shortId(id);
    const same = byShort.get(short);
    if (same === undefined) byShort.set(short, [id]);
    else same.push(id);
  }
  const result = new Map<string, string>();
  for (const [short, names] of byShort) {
    if (names.length === 1) result.set(names[0] ?? '', short);
    else names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).forEach((name, i) => result.set(name, `${short}_${i + 1}`));
  }
  return result;
}

/** The kind's letter and the name's 32-bit FNV-1a hash in base 36, e.g. `topic:orders.order-created` → `t…`. */
export function shortId(id: string): string {
  const colon = id.indexOf(':');
  const kind = colon < 0 ? 'x' : (KIND_LETTERS[id.slice(0, colon)] ?? 'x');
  const short = `${kind}${fnv1a(colon < 0 ? id : id.slice(colon + 1)).toString(36)}`;
  return RESERVED.has(short.toLowerCase()) ? `${short}_` : short;
}

/** FNV-1a, 32 bits (Fowler–Noll–Vo; offset basis 2166136261, prime 16777619) over the UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
