/**
 * The worker thread that stages synth's artifacts beside cdktf's synthesis (cli/parallel-artifacts.ts). It loads its
 * modules at once, waits for the request on its port, reports through the port and then wakes the main thread, which
 * waits synchronously: synth's API stays synchronous. A failure to load is reported as the reply to the request, so the
 * main thread is woken whatever happens.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type * as Stage from './artifact-stage';
import type { StageRequest, StageResult } from './artifact-stage';

export type WorkerReply = { readonly ok: true; readonly result: StageResult } | { readonly ok: false; readonly error: string };

/** Nice value of the worker thread: below the main thread, as far as an unprivileged process may lower itself. */
const WORKER_NICENESS = 10;

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
yieldToMainThread();
let stage: typeof Stage.stageArtifacts | undefined;
let loadError: unknown;
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded inside the try so a load failure is reported too
  stage = (require('./artifact-stage') as typeof Stage).stageArtifacts;
} catch (error) {
  loadError = error;
}
// The modules are loaded while the main thread resolves and lints; the request follows once it has the Topologies.
port.once('message', (request: StageRequest) => {
  let reply: WorkerReply;
  try {
    if (stage === undefined) throw loadError;
    reply = { ok: true, result: stage(request) };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
  port.close();
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});

/**
 * Lowers this thread's scheduling priority (Linux: `setpriority` on the thread id read from /proc/thread-self), so that
 * on a busy machine cdktf's synthesis on the main thread — the longer of the two — gets the CPU first and the worker
 * uses what is left. Elsewhere, or without permission, the worker runs at normal priority.
 */
function yieldToMainThread(): void {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), WORKER_NICENESS);
  } catch {
    // not Linux, or not allowed: normal priority
  }
}
