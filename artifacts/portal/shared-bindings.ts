/**
 * Size rules of an AsyncAPI document that change nothing it says:
 *
 * - Channel bindings that dead-letter and retry channels share (a domain's dead-letter topics mostly have the same
 *   partitions, replicas and retention) are written once under `components.channelBindings` and referenced: each was
 *   ~230 bytes of YAML repeated per consumer group.
 * - A document with one server leaves out each channel's `servers` list: AsyncAPI 3.0 says a channel without one is
 *   available on every server of the document, which is then that one server.
 */
import { createHash } from 'node:crypto';
import { canonicalString } from '../../model/canonical-json';
import { appendTo } from '../../model/group-by';

type Json = Record<string, unknown>;

/** Hex digits of SHA-256 that tell shared bindings apart in their component name. */
const BINDINGS_HASH_LENGTH = 8;

/**
 * Replaces the bindings of the channels named in `shareable` by a reference when two or more of them have the same
 * bindings; returns the shared bindings by component name, sorted (empty when none is shared). Component names are
 * `<channel key prefix>.<partitions>-partitions.<hash>`: the same bindings always get the same name.
 */
export function shareChannelBindings(channels: Json, shareable: ReadonlyMap<string, string>): Json {
  const byContent = new Map<string, string[]>();
  for (const key of [...shareable.keys()].sort()) {
    const bindings = (channels[key] as Json | undefined)?.bindings;
    if (bindings === undefined) continue;
    const content = canonicalString(bindings);
    appendTo(byContent, content, key);
  }
  const shared: Array<[string, unknown]> = [];
  for (const [content, keys] of byContent) {
    if (keys.length < 2) continue;
    const first = channels[keys[0] ?? ''] as Json;
    const kafka = (first.bindings as Json).kafka as Json | undefined;
    const hash = createHash('sha256').update(content).digest('hex').slice(0, BINDINGS_HASH_LENGTH);
    const partitions = typeof kafka?.partitions === 'number' ? `${kafka.partitions}-partitions.` : '';
    const name = `${shareable.get(keys[0] ?? '') ?? 'shared'}.${partitions}${hash}`;
    shared.push([name, first.bindings]);
    for (const key of keys) (channels[key] as Json).bindings = { $ref: `#/components/channelBindings/${name}` };
  }
  return Object.fromEntries(shared.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Leaves out each channel's `servers` when the document has exactly one server (AsyncAPI 3.0: absent = all servers). */
export function dropSingleServerLists(channels: Json, servers: Json): void {
  if (Object.keys(servers).length !== 1) return;
  for (const channel of Object.values(channels)) delete (channel as Json).servers;
}
