/**
 * Pasting a runbook's shell blocks into bash as a person would, against stand-ins for the tools they call.
 *
 * Each stand-in first writes one line per call to `$CALLS` (its name, then its arguments, tab-separated), then runs the
 * extra script the test gives it (e.g. printing what the real tool prints). The blocks run one after the other in one
 * `bash -euo pipefail` in a fresh folder, so a step that fails, uses an unset variable or writes to stderr fails the
 * test with the name given.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export interface PasteOptions {
  /** The folder the paste's own folder is made in (the test file removes it afterwards). */
  readonly scratch: string;
  /** Names the paste in failures, and its folder. */
  readonly name: string;
  /** Stand-in tools by name, each with the script it runs after recording its call ('' records only). */
  readonly tools: Readonly<Record<string, string>>;
  /** The variables the person has exported before pasting. `PATH` and `CALLS` are set here. */
  readonly env: Readonly<Record<string, string>>;
}

export interface Pasted {
  /** Every stand-in call in order, as its argument list with the tool's name first. */
  readonly calls: string[][];
  /** The folder the paste ran in (what the stand-ins wrote stays there). */
  readonly dir: string;
}

/** Runs `blocks` pasted one after the other into one bash; fails the test when bash writes to stderr or exits non-zero. */
export function pasteIntoBash(blocks: readonly string[], options: PasteOptions): Pasted {
  const dir = mkdtempSync(join(options.scratch, `${options.name.replace(/[^a-z0-9]/gi, '_')}-`));
  for (const [tool, script] of Object.entries(options.tools)) {
    const path = join(dir, tool);
    writeFileSync(path, `#!/usr/bin/env bash\n{ printf '%s' "${tool}"; printf '\\t%s' "$@"; printf '\\n'; } >> "$CALLS"\n${script}`);
    chmodSync(path, 0o755);
  }
  const calls = join(dir, 'calls');
  writeFileSync(calls, '');
  const result = spawnSync('bash', ['-euo', 'pipefail'], {
    cwd: dir,
    input: blocks.join('\n'),
    encoding: 'utf8',
    env: { ...options.env, PATH: `${dir}:${process.env.PATH ?? ''}`, CALLS: calls },
  });
  expect(result.stderr, options.name).toBe('');
  expect(result.status, options.name).toBe(0);
  return {
    calls: readFileSync(calls, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => l.split('\t')),
    dir,
  };
}
