// linkFrom keeps the links of the document rendered last (artifacts/paths.ts): whatever the order of the calls, each
// link must be the relative path from the document's folder to the target, as posix.relative gives it.
import { posix } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkFrom } from '../../artifacts/paths';

/** Paths from a few segments, so that documents share folders and targets repeat. */
const path = fc
  .array(fc.constantFrom('docs', 'prod', 'dev', 'domains', 'a.md', 'b.md', 'clients', 'svc'), { minLength: 1, maxLength: 4 })
  .map((s) => s.join('/'));

describe('linkFrom', () => {
  it('gives posix.relative from the document folder for any sequence of documents and targets', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(path, path), { minLength: 1, maxLength: 12 }), (calls) => {
        for (const [from, to] of calls) expect(linkFrom(from, to)).toBe(posix.relative(posix.dirname(from), to));
      }),
      { numRuns: 2_000 },
    );
  });

  it('links a catalog page to a client file and its runbook, and another page to the same files', () => {
    expect(linkFrom('docs/prod/domains/orders.md', 'clients/prod/billing/client.json')).toBe('../../../clients/prod/billing/client.json');
    expect(linkFrom('docs/prod/domains/orders.md', 'docs/prod/runbooks/orders.md')).toBe('../runbooks/orders.md');
    expect(linkFrom('docs/prod/index.md', 'clients/prod/billing/client.json')).toBe('../../clients/prod/billing/client.json');
    expect(linkFrom('docs/prod/index.md', 'docs/prod/runbooks/orders.md')).toBe('runbooks/orders.md');
  });
});
