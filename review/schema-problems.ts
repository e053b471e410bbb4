/**
 * zod's issues, worded like the rest of review's input errors: the JSON path of the bad value, what was expected and
 * what the file has there (`domains[2].owner: expected a string, got null`).
 */
import type { z } from 'zod';
import { at, describe } from './json-reader';

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'an array',
  null: 'null',
};

/** One `path: message` line per issue, in the order zod found them (document order). */
export function schemaProblems(issues: readonly z.core.$ZodIssue[], root: unknown): string[] {
  return issues.map((issue) => {
    const path = at(issue.path);
    const message = problemText(issue, valueAt(root, issue.path));
    return path === '' ? message : `${path}: ${message}`;
  });
}

function problemText(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describe(value)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(', ')}, got ${JSON.stringify(value) ?? 'nothing'}`;
    case 'invalid_union':
      // A discriminated union whose discriminator matches no option; zod puts the discriminator in the path.
      if ('options' in issue && Array.isArray(issue.options)) {
        return `expected one of ${issue.options.map(String).join(', ')}, got ${JSON.stringify(value) ?? 'nothing'}`;
      }
      return issue.message;
    default:
      return issue.message;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const step of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}
