/**
 * Synth's bound on V8's heap growth (SYNTH_HEAP_GROWING_PERCENT in cli/limits.ts explains the number): set for the
 * process — its worker threads included — while synth runs, and V8's own heuristics restored afterwards, so that a
 * program calling synthesize() gets its usual heap back. A growing percentage given on node's command line is left
 * alone (node does not accept the flag in NODE_OPTIONS).
 */
import { setFlagsFromString } from 'node:v8';
import { SYNTH_HEAP_GROWING_PERCENT } from './limits';

const FLAG = 'heap-growing-percent';

/** Whether node's own flags already set V8's heap growing percentage (either spelling). */
export function userSetsHeapGrowth(execArgv: readonly string[]): boolean {
  return execArgv.some((arg) => arg.replace(/_/g, '-').includes(FLAG));
}

/** Bounds the heap's growth until the returned function is called. */
export function boundHeapGrowth(): () => void {
  if (userSetsHeapGrowth(process.execArgv)) return () => undefined;
  setFlagsFromString(`--${FLAG}=${SYNTH_HEAP_GROWING_PERCENT}`);
  // 0 is V8's default: its own growing factor.
  return () => setFlagsFromString(`--${FLAG}=0`);
}
