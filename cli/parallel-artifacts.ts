/**
 * Runs the artifacts step (cli/artifact-stage.ts) in a worker thread while the main thread runs cdktf's synthesis: on a
 * machine with two cores the two overlap instead of adding up. The worker starts as soon as the app is built, and loads
 * its modules while the main thread resolves and lints. Small apps stage inline: a worker costs more than it saves
 * there (SYNTH_WORKER_MIN_TOPICS).
 */
import { extname, join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { SYNTH_WORKER_MIN_TOPICS, SYNTH_WORKER_TIMEOUT_MS } from '../model/limits';
import { stageArtifacts, type StageRequest, type StageResult } from './artifact-stage';
import type { WorkerReply } from './artifact-worker';

/** `auto`: a worker from SYNTH_WORKER_MIN_TOPICS event topics on; `always` / `never` a worker (tests compare the two). */
export type ArtifactMode = 'auto' | 'always' | 'never';

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
 * modules while the main thread resolves and lints; `start` hands it the request, `wait` waits for the result
 * (synchronously: synth's API is synchronous), and `cancel` stops a worker that will get no request (synth stopped).
 */
export interface Staging {
  start(request: StageRequest): void;
  wait(): StageResult;
  cancel(): void;
}

/** Prepares staging for an app of `eventTopics` declared event topics: a worker from SYNTH_WORKER_MIN_TOPICS on (`auto`). */
export function prepareStaging(eventTopics: number, mode: ArtifactMode = 'auto'): Staging {
  const parallel = mode === 'always' || (mode === 'auto' && eventTopics >= SYNTH_WORKER_MIN_TOPICS);
  return parallel ? workerStaging() : inlineStaging();
}

function inlineStaging(): Staging {
  let request: StageRequest | undefined;
  return {
    start: (r) => void (request = r),
    wait: () => {
      if (request === undefined) throw new Error('artifacts staging waited for before it was started');
      return stageArtifacts(request);
    },
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
  return {
    start: (request) => {
      // A structured clone of the Topologies, made here: cheaper than canonical JSON written for the worker to read back.
      port1.postMessage(request);
      state = 'started';
    },
    wait: () => {
      if (state !== 'started') throw new Error('artifacts staging waited for before it was started');
      state = 'done';
      if (Atomics.wait(signal, 0, 0, SYNTH_WORKER_TIMEOUT_MS) === 'timed-out') {
        void worker.terminate();
        throw new Error(`the artifacts worker (${WORKER_FILE}) did not finish within ${SYNTH_WORKER_TIMEOUT_MS / 60_000} minutes`);
      }
      const reply = receiveMessageOnPort(port1)?.message as WorkerReply | undefined;
      port1.close();
      if (reply === undefined) throw new Error('the artifacts worker stopped without a result');
      if (!reply.ok) throw new Error(`generating client configs, docs and schemas failed: ${reply.error}`);
      return reply.result;
    },
    cancel: () => {
      if (state === 'done') return;
      state = 'done';
      port1.close();
      void worker.terminate();
    },
  };
}
