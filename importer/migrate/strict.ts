/**
 * Strict reading of a descriptor, as the tools themselves read it: an unknown field, a missing required one or a value
 * of the wrong type is an error naming the file, line and path (kafka-gitops: `Unrecognized field: [test] in state
 * file definition: topics -> test-topic`). Errors are collected, never thrown one at a time.
 */
import { scalarString, type YamlNode } from './yaml-source';

export class Problems {
  readonly list: string[] = [];

  add(node: YamlNode, message: string): void {
    this.list.push(`${node.at.file}:${node.at.line} ${node.label === '' ? '(top level)' : node.label}: ${message}`);
  }

  /** Reports every key of a mapping that is not in `allowed`; false when the node is not a mapping at all. */
  fields(node: YamlNode, allowed: readonly string[], what: string): boolean {
    if (node.value === null || node.value === undefined) return true;
    if (!node.isMap()) {
      this.add(node, `${what} must be a mapping`);
      return false;
    }
    for (const entry of node.entries()) {
      const key = entry.path[entry.path.length - 1];
      if (typeof key === 'string' && !allowed.includes(key)) this.add(entry, `unrecognized field "${key}" (allowed: ${allowed.join(', ')})`);
    }
    return true;
  }

  /** A positive whole number, or undefined (reported) when it is something else; undefined silently when absent. */
  positiveInt(node: YamlNode | undefined, what: string): number | undefined {
    if (node === undefined || node.value === null) return undefined;
    const v = node.value;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n < 1) {
      this.add(node, `${what} must be a positive whole number, got ${JSON.stringify(v)}`);
      return undefined;
    }
    return n;
  }

  /** A non-empty string, or undefined (reported when present but not one). */
  text(node: YamlNode | undefined, what: string): string | undefined {
    if (node === undefined || node.value === null) return undefined;
    const s = scalarString(node);
    if (s === undefined || s.trim() === '') {
      this.add(node, `${what} must be a non-empty string`);
      return undefined;
    }
    return s;
  }

  /** One of `allowed`, or undefined (reported). */
  oneOf<T extends string>(node: YamlNode | undefined, allowed: readonly T[], what: string): T | undefined {
    const s = this.text(node, what);
    if (s === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(s)) {
      this.add(node as YamlNode, `${what} "${s}" is not one of ${allowed.join(', ')}`);
      return undefined;
    }
    return s as T;
  }

  /** A list of strings; absent or null is an empty list. */
  strings(node: YamlNode | undefined, what: string): Array<{ value: string; node: YamlNode }> {
    if (node === undefined || node.value === null) return [];
    if (!node.isSeq()) {
      this.add(node, `${what} must be a list`);
      return [];
    }
    return node.items().flatMap((item) => {
      const s = this.text(item, `each of ${what}`);
      return s === undefined ? [] : [{ value: s, node: item }];
    });
  }

  /** A mapping of config keys to scalar values, as strings. */
  configs(node: YamlNode | undefined, what: string): Record<string, string> {
    if (node === undefined || node.value === null) return {};
    if (!node.isMap()) {
      this.add(node, `${what} must be a mapping of config keys to values`);
      return {};
    }
    const out: Record<string, string> = {};
    for (const entry of node.entries()) {
      const key = String(entry.path[entry.path.length - 1]);
      const value = scalarString(entry);
      if (value === undefined) this.add(entry, `the value of ${key} must be a string, number or boolean`);
      else out[key] = value;
    }
    return out;
  }
}
