/**
 * A descriptor file read with the `yaml` library, keeping where each value came from: the migration report and the
 * generated declarations name the file and line of every source element. JSON is read the same way (it is YAML).
 *
 * Values are walked through `Node`s so a path such as `topics.test-topic.partitions` has a line: that of the key for a
 * mapping entry, that of the item for a sequence element.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { InputFile } from '../snapshot';
import type { SourceRef } from '../types';

export type PathPart = string | number;

/** A read-only view of one node: its plain value, its line, and typed access to its children. */
export interface YamlNode {
  readonly path: readonly PathPart[];
  /** `topics.test-topic.partitions`, `projects[0].consumers[1]`: how messages name the element. */
  readonly label: string;
  readonly at: SourceRef;
  /** The plain JavaScript value (`toJS`). */
  readonly value: unknown;
  /** Mapping entries in file order; empty for anything else. */
  entries(): YamlNode[];
  /** Sequence items in file order; empty for anything else. */
  items(): YamlNode[];
  /** The child at `key` of a mapping, undefined when absent. */
  get(key: string): YamlNode | undefined;
  isMap(): boolean;
  isSeq(): boolean;
  isScalar(): boolean;
}

export interface YamlSource {
  readonly file: string;
  readonly root: YamlNode;
  /** Syntax errors (duplicate keys included), each with its line: the file is not read further when there is one. */
  readonly errors: readonly string[];
}

export function labelOf(path: readonly PathPart[]): string {
  return path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out === '' ? p : `${out}.${p}`), '');
}

/** A single-document file (a second document is an error). */
export function readYaml(input: InputFile): YamlSource {
  const all = readYamlDocuments(input);
  const [first, second] = all.documents;
  const errors = [
    ...all.errors,
    ...(second === undefined ? [] : [`${input.file}:${second.at.line}: a second YAML document ("---"); this format has one per file`]),
  ];
  return { file: input.file, root: first ?? all.empty, errors };
}

/** Every document of a multi-document file (`---` separated); documents holding nothing (only comments) are left out. */
export function readYamlDocuments(input: InputFile): { readonly documents: readonly YamlNode[]; readonly errors: readonly string[]; readonly empty: YamlNode } {
  const counter = new LineCounter();
  const parsed = parseAllDocuments(input.text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const docs: Document[] = Array.isArray(parsed) ? parsed : [];
  const lineAt = (offset: number | undefined): number => (offset === undefined ? 1 : counter.linePos(offset).line);
  const errors = docs.flatMap((doc) => doc.errors.map((e) => `${input.file}:${lineAt(e.pos[0])}: ${e.message.split('\n')[0] ?? e.message}`));
  const wrap = (node: unknown, path: readonly PathPart[], line: number): YamlNode => {
    const at = { file: input.file, line };
    const n = node as Node | null | undefined;
    return {
      path,
      label: labelOf(path),
      at,
      value:
        n === null || n === undefined ? n : typeof (n as { toJSON?: unknown }).toJSON === 'function' ? (n as unknown as { toJSON(): unknown }).toJSON() : n,
      entries: () =>
        isMap(n)
          ? n.items.map((pair) => {
              const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
              const keyLine = isScalar(pair.key) || isMap(pair.key) || isSeq(pair.key) ? lineAt((pair.key as Node).range?.[0]) : line;
              return wrap(pair.value, [...path, key], keyLine);
            })
          : [],
      items: () => (isSeq(n) ? n.items.map((item, i) => wrap(item, [...path, i], lineAt((item as Node | null)?.range?.[0]) || line)) : []),
      get: (key) => {
        if (!isMap(n)) return undefined;
        const pair = n.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key);
        return pair === undefined ? undefined : wrap(pair.value, [...path, key], lineAt((pair.key as Node).range?.[0]));
      },
      isMap: () => isMap(n),
      isSeq: () => isSeq(n),
      isScalar: () => isScalar(n),
    };
  };
  // A document of comments only (topicctl's files start and end with one) holds nothing: null, or a null scalar.
  const documents = docs
    .filter((d) => d.contents !== null && !(isScalar(d.contents) && d.contents.value === null))
    .map((d) => wrap(d.contents, [], lineAt((d.contents as Node).range?.[0])));
  return { documents, errors, empty: wrap(null, [], 1) };
}

/** A scalar's string form (numbers and booleans as written), or undefined for anything else. */
export function scalarString(node: YamlNode | undefined): string | undefined {
  if (node === undefined || !node.isScalar()) return undefined;
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** A list of strings (a sequence of scalars); undefined when the node is absent. Non-strings are reported by the caller. */
export function stringItems(node: YamlNode | undefined): Array<{ value: string; at: SourceRef }> | undefined {
  if (node === undefined || node.value === null) return undefined;
  return node.items().flatMap((i) => {
    const s = scalarString(i);
    return s === undefined ? [] : [{ value: s, at: i.at }];
  });
}
