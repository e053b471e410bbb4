/** When terminal output is coloured: FORCE_COLOR, then NO_COLOR, then CI, then whether the stream is a terminal. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { colourEnabled, paintFor } from '../../cli/colour';

const tty = Object.assign(new PassThrough(), { isTTY: true });
const pipe = new PassThrough();

describe('colourEnabled', () => {
  it.each([
    ['a terminal', tty, {}, true],
    ['a pipe', pipe, {}, false],
    ['a terminal with NO_COLOR', tty, { NO_COLOR: '1' }, false],
    ['a terminal with an empty NO_COLOR (no-color.org: set and not empty)', tty, { NO_COLOR: '' }, true],
    ['a terminal in CI', tty, { CI: 'true' }, false],
    ['a terminal with CI=false', tty, { CI: 'false' }, true],
    ['a pipe with FORCE_COLOR', pipe, { FORCE_COLOR: '1' }, true],
    ['a terminal with FORCE_COLOR=0', tty, { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR over NO_COLOR', pipe, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
  ] as const)('%s → %s', (_, stream, env, expected) => {
    expect(colourEnabled(stream, env)).toBe(expected);
  });

  it('paints errors red and the failed verdict bold red when enabled, and nothing otherwise', () => {
    const on = paintFor(tty, {});
    expect(on.level('error', 'error')).toBe('\u001b[1m\u001b[31merror\u001b[39m\u001b[22m');
    expect(on.level('warning', 'warning')).toBe('\u001b[33mwarning\u001b[39m');
    expect(on.verdict(true, 'passed')).toBe('\u001b[32mpassed\u001b[39m');
    const off = paintFor(pipe, {});
    expect(off.level('error', 'error')).toBe('error');
    expect(off.verdict(false, ' — failed')).toBe(' — failed');
  });
});
