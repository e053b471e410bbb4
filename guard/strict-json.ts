/**
 * JSON read the way terraform reads it, not the way JSON.parse does: JSON.parse keeps the last of two equal keys in an
 * object, but terraform's JSON syntax reads every one (a second `"resource"` key adds blocks). A checker that sees only
 * what JSON.parse returns can be walked around with a duplicate key, so duplicates are found with jsonc-parser's
 * scanner first, and comments and trailing commas are refused as terraform refuses them.
 *
 * The scanner walks the text in JavaScript, token by token: ~4 s of a 10,000-topic guard (both files of 67 stacks). A
 * text that is exactly what `JSON.stringify` writes for its own parsed value cannot hold any of those problems, so it
 * is accepted after the native parse and serialization alone (`writtenByStringify`); anything else goes through the
 * scanner as before. The result is the same either way.
 */
import { printParseErrorCode, visit } from 'jsonc-parser';
import type { JSONPath } from 'jsonc-parser';
import { formatPath } from '../model/issues';

export interface JsonProblem {
  readonly path: string;
  readonly kind: 'invalid-json' | 'duplicate-key';
  readonly message: string;
}

export interface StrictJson {
  /** The parsed value; undefined when the text is not JSON. */
  readonly value: unknown;
  readonly problems: readonly JsonProblem[];
}

/** At most this many problems per file: a hostile file may hold thousands, and the first ones say enough. */
const MAX_PROBLEMS = 20;

export function parseStrictJson(text: string): StrictJson {
  const fast = writtenByStringify(text);
  if (fast.ok) return { value: fast.value, problems: [] };
  return scanStrictJson(text);
}

/**
 * Whether `text` is `JSON.stringify(JSON.parse(text), null, indent)` (two-space or no indentation, one optional final
 * newline: how synth writes its JSON). Sound against a hostile text: serialization writes each member of each parsed
 * object once, so a text with a duplicate key serializes to fewer members than it holds and can never compare equal;
 * nor can one with a comment or a trailing comma, which `JSON.stringify` never writes. A text that differs only in
 * layout (or whose integer-like keys JSON.parse reorders) is simply not recognised and takes the scanner.
 */
export function writtenByStringify(text: string): { ok: true; value: unknown } | { ok: false } {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return { ok: false };
  }
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const indent = body.startsWith('{\n  ') || body.startsWith('[\n  ') ? 2 : undefined;
  return JSON.stringify(value, null, indent) === body ? { ok: true, value } : { ok: false };
}

/** jsonc-parser's scanner over the whole text: every duplicate key, comment and syntax error, with its line. */
export function scanStrictJson(text: string): StrictJson {
  const problems: JsonProblem[] = [];
  const keys: Set<string>[] = [];
  let syntax = false;
  visit(
    text,
    {
      onObjectBegin: () => {
        keys.push(new Set());
      },
      onObjectEnd: () => {
        keys.pop();
      },
      onObjectProperty: (property: string, _offset: number, _length: number, line: number, _character: number, pathSupplier: () => JSONPath) => {
        const seen = keys[keys.length - 1];
        if (seen === undefined) return;
        if (seen.has(property)) {
          if (problems.length < MAX_PROBLEMS) {
            const path = formatPath([...pathSupplier(), property]);
            problems.push({
              path,
              kind: 'duplicate-key',
              message: `key "${property}" appears twice in one object (line ${line + 1}): terraform reads both, a JSON parser only the last`,
            });
          }
        } else {
          seen.add(property);
        }
      },
      onError: (error, _offset, _length, line, character) => {
        syntax = true;
        if (problems.length < MAX_PROBLEMS) {
          problems.push({
            path: '',
            kind: 'invalid-json',
            message: `not valid JSON at line ${line + 1}, column ${character + 1}: ${printParseErrorCode(error)}`,
          });
        }
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (syntax) return { value: undefined, problems };
  try {
    return { value: JSON.parse(text) as unknown, problems };
  } catch (error) {
    return {
      value: undefined,
      problems: [...problems, { path: '', kind: 'invalid-json', message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }],
    };
  }
}
