/**
 * JSON with object keys sorted at every level (arrays keep their order): byte-stable and independent of the order
 * objects were built in. Synth writes every JSON file this way; contracts compare schemas by it.
 */
export function canonicalString(value: unknown, indent?: number): string {
  return JSON.stringify(value, sortedKeys, indent);
}

/**
 * A JSON.stringify replacer that hands over objects with their keys sorted. It copies only objects whose keys are out of
 * order: cdktf's output and the Topology are mostly sorted already, and copying every object showed in the synth
 * profile. The copy goes through Object.fromEntries like any object, so integer-like keys enumerate the way JSON.parse
 * gives them either way.
 */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      const record = value as Record<string, unknown>;
      return Object.fromEntries(keys.sort().map((k) => [k, record[k]]));
    }
  }
  return value;
}
