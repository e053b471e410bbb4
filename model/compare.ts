/**
 * The one order of names in everything topicform writes: by UTF-16 code unit, as `Array.prototype.sort` orders
 * strings by default, so output does not depend on the locale (`localeCompare`) of whoever runs synth. One comparator
 * for sort callbacks with a key, instead of a copy in each module.
 */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `items` sorted by a string key computed once per item, in `compare`'s order; stable, as `Array.prototype.sort` is.
 * For keys built from several fields, which a comparator would build twice per comparison (n log n times).
 */
export function sortByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, key: key(item) }))
    .sort((a, b) => compare(a.key, b.key))
    .map((keyed) => keyed.item);
}
