/**
 * The one order of names in everything topicform writes: by UTF-16 code unit, as `Array.prototype.sort` orders
 * strings by default, so output does not depend on the locale (`localeCompare`) of whoever runs synth. One comparator
 * for sort callbacks with a key, instead of a copy in each module.
 */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
