/**
 * Synth's progress on a terminal: the stage it is in and how far (`synthesizing stacks 12/67`), on one line that is
 * redrawn at most every PROGRESS_REDRAW_MS and cleared at the end. Quiet when the stream is not a terminal (piped,
 * redirected to a log) and in CI (`CI` set, as GitHub Actions, GitLab and most CI systems do), where a redrawn line is
 * only noise in the log.
 */
import { PROGRESS_REDRAW_MS } from './limits';

export interface Progress {
  /** A new stage; `total` when its steps can be counted. */
  stage(name: string, total?: number): void;
  /** `count` more steps of the current stage done. */
  tick(count?: number): void;
  /** Clears the line. */
  done(): void;
}

export const NO_PROGRESS: Progress = { stage: () => undefined, tick: () => undefined, done: () => undefined };

/** Progress on `stream` when it is a terminal and this is not CI; otherwise nothing. */
export function progressOn(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv = process.env): Progress {
  const isTerminal = (stream as { isTTY?: boolean }).isTTY === true;
  const inCi = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  if (!isTerminal || inCi) return NO_PROGRESS;
  let name = '';
  let total: number | undefined;
  let count = 0;
  let drawn = 0;
  let shown = false;
  const draw = (force: boolean): void => {
    const now = Date.now();
    if (!force && now - drawn < PROGRESS_REDRAW_MS) return;
    drawn = now;
    shown = true;
    stream.write(`\r\u001b[2K${name}${total === undefined ? (count > 0 ? ` ${count}` : '') : ` ${count}/${total}`}…`);
  };
  return {
    stage: (stageName, stageTotal) => {
      name = stageName;
      total = stageTotal;
      count = 0;
      draw(true);
    },
    tick: (steps = 1) => {
      count += steps;
      draw(total !== undefined && count >= total);
    },
    done: () => {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}
