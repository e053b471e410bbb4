/** model/resolve/collect.ts: where a declaration was made, and what is read from raw declarations before parsing (issue 28). */
import { describe, expect, it } from 'vitest';
import { rawNames, sourceOf, where } from '../../../model/resolve/collect';

describe('where', () => {
  it('gives the file and line, the file alone when the line is unknown, else the construct path', () => {
    expect(where({ path: 'dev/orders', file: 'decl/orders.ts', line: 12 })).toBe('decl/orders.ts:12');
    expect(where({ path: 'dev/orders', file: 'decl/orders.ts' })).toBe('decl/orders.ts');
    expect(where({ path: 'dev/orders' })).toBe('dev/orders');
  });
});

describe('sourceOf', () => {
  it('falls back to <unknown> for a source that is null, a string or a function, whatever it carries', () => {
    expect(sourceOf({ source: null })).toEqual({ path: '<unknown>' });
    expect(sourceOf({ source: 'dev/orders' })).toEqual({ path: '<unknown>' });
    expect(sourceOf({ source: Object.assign(() => undefined, { path: 'dev/orders' }) })).toEqual({ path: '<unknown>' });
    expect(sourceOf({ source: { path: 'dev/orders' } })).toEqual({ path: 'dev/orders' });
  });
});

describe('rawNames', () => {
  it('keeps only string fields of object declarations', () => {
    const name = (raw: Record<string, unknown>): unknown => raw.name;
    expect(rawNames([null, { name: 5 }, { name: 'orders' }, {}], name)).toEqual(['orders']);
  });
});
