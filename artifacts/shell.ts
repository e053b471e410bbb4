/** Shell commands for the runbooks: words joined into lines that fit, continued with ` \`. */
import { RUNBOOK_LINE_WIDTH } from './limits';

/** Indent of a continuation line: it reads as part of the command above. */
const CONTINUATION_INDENT = '  ';

/**
 * One command as lines of at most `width` characters: words are never split, nor a flag from its value (`--group
 * orders.payment`) or a redirection from its file, a line that continues ends with ` \`, and continuation lines are
 * indented. A single word longer than the width (a very long topic name) stays whole on
 * its own line: breaking it would change the command.
 */
export function shellCommand(words: readonly string[], width: number = RUNBOOK_LINE_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  const units = pairs(words);
  units.forEach((word, i) => {
    const candidate = line === '' ? word : `${line} ${word}`;
    // A line that continues needs room for its ` \`; the last one does not.
    const room = i === units.length - 1 ? width : width - 2;
    if (line !== '' && candidate.length > room) {
      lines.push(`${line} \\`);
      line = `${CONTINUATION_INDENT}${word}`;
    } else {
      line = candidate;
    }
  });
  if (line !== '') lines.push(line);
  return lines;
}

/** Words that stay on one line: `--flag value` (a value starts with neither `-` nor `>`) and `> file`. */
function pairs(words: readonly string[]): string[] {
  const units: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const next = words[i + 1];
    const takesNext = next !== undefined && ((word.startsWith('--') && !next.startsWith('-') && !next.startsWith('>')) || word === '>');
    units.push(takesNext ? `${word} ${next}` : word);
    if (takesNext) i++;
  }
  return units;
}
