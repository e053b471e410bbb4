/**
 * Synth's bound on V8's heap growth (SYNTH_HEAP_GROWING_PERCENT in model/limits.ts explains the number): set for the
 * process — its worker threads included — while synth runs, and V8's own heuristics restored afterwards, so that a
 * program calling synthesize() gets its usual heap back. A growing percentage the user chose on the command line or in
 * NODE_OPTIONS is left alone.
 */
import { setFlagsFromString } from 'node:v8';
import { SYNTH_HEAP_GROWING_PERCENT } from '../model/limits';

const FLAG = 'heap-growing-percent';

/** Whether the process's own flags already set V8's heap growing percentage. */
export function userSetsHeapGrowth(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  const mentions = (arg: string): boolean => arg.replace(/_/g, '-').includes(FLAG);
  return execArgv.some(mentions) || (nodeOptions ?? '').split(/\s+/).some(mentions);
}

/** Bounds the heap's growth until the returned function is called. */
export function boundHeapGrowth(): () => void {
  if (userSetsHeapGrowth(process.execArgv, process.env.NODE_OPTIONS)) return () => undefined;
  setFlagsFromString(`--${FLAG}=${SYNTH_HEAP_GROWING_PERCENT}`);
  // 0 is V8's default: its own growing factor.
  return () => setFlagsFromString(`--${FLAG}=0`);
}
