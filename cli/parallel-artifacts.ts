/**
 * Where synth renders the artifacts step (cli/artifact-stage.ts). Inline by default: after cdktf, on the main thread.
 * With `worker` (`topicform synth --parallel-artifacts`), a worker thread renders them while the main thread runs
 * cdktf's synthesis, so on two or more cores the two overlap instead of adding up. The worker starts as soon as the app
 * is built and loads its modules while the main thread resolves and lints; when the main thread is done with cdktf it
 * takes the artifact jobs the worker has not started yet, so the two finish together whichever is faster on the day.
 * The price is memory: the worker holds its own copy of every Topology. Measured at 10,000 topics (README
 * "Performance"): 23 s and 782 MiB with the worker, 28 s and 528 MiB inline, against plain cdktf's 28 s and 450 MiB.
 * Only inline meets the peak-memory target (≤ 1.3× plain cdktf), so it is the default.
 */
import { extname, join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { SYNTH_WORKER_TIMEOUT_MS } from './limits';
import { mergeStaged, stageArtifacts, type StageRequest, type StageResult } from './artifact-stage';
import type { WorkerReply } from './artifact-worker';
import type { Progress } from './progress';

/** `inline` (the default): after cdktf, on the main thread; `worker`: in a worker thread beside cdktf. */
export type ArtifactMode = 'inline' | 'worker';

const WORKER_FILE = join(__dirname, `artifact-worker${extname(__filename)}`);

/**
 * The worker's entry, plain JavaScript so that it runs whatever loaders this thread has: Node 20 does not carry tsx's
 * hooks into worker threads, so from TypeScript sources it registers tsx's require hook first (compiled JavaScript, as
 * in the package, needs none). A failure to load is reported like any other, so the waiting main thread always wakes.
 */
function bootstrap(): string {
  const tsx = extname(WORKER_FILE) === '.ts' ? `require(${JSON.stringify(require.resolve('tsx/cjs'))});` : '';
  return `const { workerData } = require('node:worker_threads');
try { ${tsx} require(${JSON.stringify(WORKER_FILE)}); } catch (error) {
  workerData.port.postMessage({ ok: false, error: String(error && error.stack || error) });
  Atomics.store(workerData.signal, 0, 1); Atomics.notify(workerData.signal, 0);
}`;
}

/**
 * The artifacts step of one synth. `prepareStaging` is called as soon as the app is built, so that a worker loads its
 * modules while the main thread resolves and lints; `start` hands it the request; `finish` stages on this thread the
 * jobs nobody has taken yet and waits for the rest (synchronously: synth's API is synchronous); `abandon` lets the
 * worker end after its current job and waits for it (synth failed, the staging folder is about to go); `cancel` stops
 * a worker that will get no request (synth stopped before).
 */
export interface Staging {
  start(request: StageRequest): void;
  /** `progress` counts the jobs this thread does. */
  finish(progress?: Progress): StageResult;
  abandon(): void;
  cancel(): void;
}

/** Prepares the artifacts step of one synth: a worker is started at once, to load its modules while synth resolves. */
export function prepareStaging(mode: ArtifactMode = 'inline'): Staging {
  return mode === 'worker' ? workerStaging() : inlineStaging();
}

function inlineStaging(): Staging {
  let request: StageRequest | undefined;
  return {
    start: (r) => void (request = r),
    finish: (progress) => {
      if (request === undefined) throw new Error('artifacts staging finished before it was started');
      try {
        return mergeStaged([stageArtifacts(request, progress)]);
      } catch (error) {
        throw stagingFailed(error);
      }
    },
    abandon: () => undefined,
    cancel: () => undefined,
  };
}

function workerStaging(): Staging {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(bootstrap(), { eval: true, workerData: { port: port2, signal }, transferList: [port2] });
  // The main thread never returns to its event loop while waiting; the worker must not keep the process alive after.
  worker.unref();
  let state: 'prepared' | 'started' | 'done' = 'prepared';
  let shared: StageRequest | undefined;
  const workerResult = (): StageResult => {
    if (Atomics.wait(signal, 0, 0, SYNTH_WORKER_TIMEOUT_MS) === 'timed-out') {
      void worker.terminate();
      throw new Error(`the artifacts worker (${WORKER_FILE}) did not finish within ${SYNTH_WORKER_TIMEOUT_MS / 60_000} minutes`);
    }
    const reply = receiveMessageOnPort(port1)?.message as WorkerReply | undefined;
    port1.close();
    if (reply === undefined) throw new Error('the artifacts worker stopped without a result');
    if (!reply.ok) throw stagingFailed(reply.error);
    return reply.result;
  };
  return {
    start: (request) => {
      // A structured clone of the Topologies, made here: cheaper than canonical JSON written for the worker to read back.
      // The job counter is shared memory: both threads take jobs from it.
      shared = { ...request, next: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) };
      port1.postMessage(shared);
      state = 'started';
    },
    finish: (progress) => {
      if (state === 'done') throw new Error('artifacts staging finished twice, or after it was abandoned');
      if (state !== 'started' || shared === undefined) throw new Error('artifacts staging finished before it was started');
      state = 'done';
      let mine: StageResult;
      try {
        mine = stageArtifacts(shared, progress);
      } catch (error) {
        // The worker must stop writing before synth removes the staging folder; this thread's failure is the one reported.
        abandonJobs(shared);
        try {
          workerResult();
        } catch {
          // reported below
        }
        throw stagingFailed(error);
      }
      return mergeStaged([workerResult(), mine]);
    },
    abandon: () => {
      if (state !== 'started' || shared === undefined) return;
      state = 'done';
      abandonJobs(shared);
      try {
        workerResult();
      } catch {
        // synth is failing already; its own error is the one reported
      }
    },
    cancel: () => {
      if (state === 'done') return;
      state = 'done';
      port1.close();
      void worker.terminate();
    },
  };
}

/** A job index past any request's jobs, and far enough from 2^31 that the threads' increments cannot overflow it. */
const NO_JOB_LEFT = 2 ** 30;

/** Leaves no job to take: a thread staging the request ends after the job it is doing. */
function abandonJobs(request: StageRequest): void {
  if (request.next !== undefined) Atomics.store(request.next, 0, NO_JOB_LEFT);
}

function stagingFailed(error: unknown): Error {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return new Error(`generating client configs, docs and schemas failed: ${detail}`);
}
