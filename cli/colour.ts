/**
 * Colour for terminal output, by severity: only where a person reads it. Decided once per stream, in this order:
 * `FORCE_COLOR` set (and not `0`/`false`) → colour; `NO_COLOR` set and not empty (no-color.org) → none; `CI` set →
 * none (a log file, not a terminal); otherwise colour exactly when the stream is a TTY, so piped output stays plain.
 * The escapes come from node:util's styleText (no dependency).
 */
import { styleText } from 'node:util';
import { NO_PAINT, type Paint } from '../rules/format/text';

type Env = Readonly<Record<string, string | undefined>>;

export function colourEnabled(stream: NodeJS.WritableStream, env: Env = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.CI !== undefined && env.CI !== '' && env.CI.toLowerCase() !== 'false') return false;
  return (stream as { isTTY?: boolean }).isTTY === true;
}

// The decision is ours (above): styleText must not second-guess it from process.stdout.
const style = (format: Parameters<typeof styleText>[0], text: string): string => styleText(format, text, { validateStream: false });

const COLOURED: Paint = {
  level: (level, text) => (level === 'error' ? style(['bold', 'red'], text) : level === 'warning' ? style('yellow', text) : style('cyan', text)),
  heading: (text) => style('bold', text),
  dim: (text) => style('dim', text),
  verdict: (passed, text) => style(passed ? 'green' : ['bold', 'red'], text),
};

/** The Paint for text written to `stream`. */
export function paintFor(stream: NodeJS.WritableStream, env: Env = process.env): Paint {
  return colourEnabled(stream, env) ? COLOURED : NO_PAINT;
}
