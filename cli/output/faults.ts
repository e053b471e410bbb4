/**
 * Fault injection for the tests of synth's crash safety (test/cli/output-*.test.ts). Synth calls `faultPoint` at every
 * moment a crash could leave something behind: after taking the lock, after staging, before each step of the commit,
 * at the commit point and during the cleanup. Normally nothing happens.
 *
 * - `TOPICFORM_TEST_KILL_AT=<point>[:<n>]` in the environment: the process sends itself SIGKILL at the n-th (from 0,
 *   default 0) time it reaches `<point>`, so a test can kill a real synth at an exact moment.
 * - `injectFault(handler)` (in-process tests): the handler runs at every point and may throw, as a failing disk would.
 */
const KILL_AT = 'TOPICFORM_TEST_KILL_AT';

/** The moments synth's commit can be interrupted at. */
export type FaultPoint = 'locked' | 'staged' | 'journal' | 'step' | 'committed' | 'cleanup';

type Handler = (point: FaultPoint, index: number) => void;

let handler: Handler | undefined;
const reached = new Map<FaultPoint, number>();

/** Runs `fn` at every fault point until the returned function is called. */
export function injectFault(fn: Handler): () => void {
  handler = fn;
  return () => {
    handler = undefined;
  };
}

/** Synth reached `point` (for `step`, `index` is the step's number). */
export function faultPoint(point: FaultPoint, index?: number): void {
  const count = index ?? reached.get(point) ?? 0;
  if (index === undefined) reached.set(point, count + 1);
  handler?.(point, count);
  const killAt = process.env[KILL_AT];
  if (killAt === undefined || killAt === '') return;
  const [name, n = '0'] = killAt.split(':');
  if (name === point && Number(n) === count) process.kill(process.pid, 'SIGKILL');
}
