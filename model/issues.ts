/**
 * Problems found in declarations, collected rather than thrown so that every problem is reported at once.
 *
 * An issue names the field it is about (`path`, e.g. `consumerGroups[1].deadLetter.partitions`); the printer adds the
 * file and construct path. Message style (aws-cdk): lowercase, no trailing period, say what is wrong, show the value,
 * show what is allowed; `hint` says how to fix it.
 */
import type { z } from 'zod';

export type IssueSeverity = 'error' | 'warning';

export interface Issue {
  /** Field path inside the declaration, e.g. `key.reason` or `config["retention.ms"]`; empty for the whole object. */
  readonly path: string;
  /** Stable machine-readable code, e.g. `unknown-config-key`. */
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  /** @default 'error' */
  readonly severity?: IssueSeverity;
}

/** Formats a path made of property names and indexes as `a.b[1]["x.y"]`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
    } else {
      const name = String(segment);
      out += /^[A-Za-z_$][\w$]*$/.test(name) ? (out === '' ? name : `.${name}`) : `[${JSON.stringify(name)}]`;
    }
  }
  return out;
}

/** Joins a parent path and a child path. */
export function joinPath(parent: string, child: string): string {
  if (parent === '') return child;
  if (child === '') return parent;
  return child.startsWith('[') ? `${parent}${child}` : `${parent}.${child}`;
}

/** Prefixes every issue's path with `parent`. */
export function prefixIssues(parent: string, issues: readonly Issue[]): Issue[] {
  return issues.map((issue) => ({ ...issue, path: joinPath(parent, issue.path) }));
}

/** Converts zod's issues into ours, keeping the field path; an unknown field is an issue at that field. */
export function fromZod(error: z.ZodError, parent = ''): Issue[] {
  return error.issues.flatMap((zi) =>
    zi.code === 'unrecognized_keys'
      ? zi.keys.map((key) => ({
          path: joinPath(parent, formatPath([...zi.path, key])),
          code: `schema-${zi.code}`,
          message: `unknown field ${JSON.stringify(key)}`,
        }))
      : [{ path: joinPath(parent, formatPath(zi.path)), code: `schema-${zi.code}`, message: zi.message }],
  );
}

/** One line per issue: `<path>: <message> (<hint>)`. */
export function formatIssue(issue: Issue): string {
  const where = issue.path === '' ? '' : `${issue.path}: `;
  const hint = issue.hint === undefined ? '' : ` (${issue.hint})`;
  return `${where}${issue.message}${hint}`;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => (issue.severity ?? 'error') === 'error');
}
