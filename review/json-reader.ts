/**
 * Minimal shape checks for the Terraform JSON review reads (cdk.tf.json, plan JSON), with the JSON path of the first
 * problem. Hand-written rather than a schema library: these are the provider's and terraform's formats, of which review
 * reads a few fields, once, while it reads them. topology.json, topicform's own format, is read with its schema
 * (model/topology-schema.ts; review/schema-problems.ts words its problems like these).
 */
import { formatPath } from '../model/issues';

export type JsonObject = Readonly<Record<string, unknown>>;

/** A value of the wrong shape at `path` (e.g. `resource.kafka_topic["orders_x"].partitions`). */
export class ShapeError extends Error {
  constructor(
    readonly path: string,
    message: string,
    /** Every problem found, `path: message` each, when there are several (the first is this error's message). */
    readonly problems: readonly string[] = [path === '' ? message : `${path}: ${message}`],
  ) {
    super(path === '' ? message : `${path}: ${message}`);
    this.name = 'ShapeError';
  }
}

export type Path = readonly PropertyKey[];

export const at = (path: Path): string => formatPath(path);

/** A JSON value as a message shows it: `"orders"`, `number 7`, `an array`, `nothing (the field is missing)`. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return typeof value;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown, path: Path): JsonObject {
  if (!isObject(value)) throw new ShapeError(at(path), `expected an object, got ${describe(value)}`);
  return value;
}

export function asArray(value: unknown, path: Path): readonly unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(at(path), `expected an array, got ${describe(value)}`);
  return value;
}

export function asString(value: unknown, path: Path): string {
  if (typeof value !== 'string') throw new ShapeError(at(path), `expected a string, got ${describe(value)}`);
  return value;
}

export function asNumber(value: unknown, path: Path): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ShapeError(at(path), `expected a number, got ${describe(value)}`);
  return value;
}

export function asBoolean(value: unknown, path: Path): boolean {
  if (typeof value !== 'boolean') throw new ShapeError(at(path), `expected true or false, got ${describe(value)}`);
  return value;
}

export function stringOrNull(value: unknown, path: Path): string | null {
  return value === null || value === undefined ? null : asString(value, path);
}

/** An optional field: undefined when absent; the shape is checked when present. */
export function optional<T>(value: unknown, read: (v: unknown) => T): T | undefined {
  return value === undefined ? undefined : read(value);
}

export function stringArray(value: unknown, path: Path): readonly string[] {
  const array = asArray(value, path);
  for (let i = 0; i < array.length; i++) {
    if (typeof array[i] !== 'string') asString(array[i], [...path, i]);
  }
  return array as readonly string[];
}

/** Parses JSON text; the message says where it went wrong and hints at truncation when the text ends early. */
export function parseJsonText(text: string): unknown {
  if (text.trim() === '') throw new ShapeError('', 'the file is empty');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const offset = position === null ? undefined : Number(position[1]);
    const truncated = /end of JSON input|Unterminated/i.test(message) || (offset !== undefined && offset >= text.trimEnd().length);
    const where = offset === undefined ? '' : ` at line ${lineOf(text, offset)}`;
    throw new ShapeError('', `not valid JSON${where} (${message})${truncated ? ': the file ends early — is it truncated?' : ''}`);
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
