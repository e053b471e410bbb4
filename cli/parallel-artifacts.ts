/**
 * Runs the artifacts step (cli/artifact-stage.ts) in a worker thread while the main thread runs cdktf's synthesis: on a
 * machine with two cores the two overlap instead of adding up. Small apps stage inline: starting a worker and loading
 * the artifact modules in it costs more than it saves (SYNTH_WORKER_MIN_TOPICS).
 */
import { extname, join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { SYNTH_WORKER_MIN_TOPICS, SYNTH_WORKER_TIMEOUT_MS } from '../model/limits';
import { stageArtifacts, type StageRequest, type StageResult } from './artifact-stage';
import type { WorkerReply } from './artifact-worker';

/** `auto`: a worker from SYNTH_WORKER_MIN_TOPICS topics on; `always` / `never` a worker (tests compare the two). */
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

/** Starts staging; the returned function waits for it (synchronously) and returns its result or throws its error. */
export function startStaging(request: StageRequest, topics: number, mode: ArtifactMode = 'auto'): () => StageResult {
  const parallel = mode === 'always' || (mode === 'auto' && topics >= SYNTH_WORKER_MIN_TOPICS);
  if (!parallel) return () => stageArtifacts(request);
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(bootstrap(), { eval: true, workerData: { request, port: port2, signal }, transferList: [port2] });
  // The main thread never returns to its event loop while waiting; the worker must not keep the process alive after.
  worker.unref();
  return () => {
    if (Atomics.wait(signal, 0, 0, SYNTH_WORKER_TIMEOUT_MS) === 'timed-out') {
      void worker.terminate();
      throw new Error(`the artifacts worker (${WORKER_FILE}) did not finish within ${SYNTH_WORKER_TIMEOUT_MS / 60_000} minutes`);
    }
    const reply = receiveMessageOnPort(port1)?.message as WorkerReply | undefined;
    port1.close();
    if (reply === undefined) throw new Error('the artifacts worker stopped without a result');
    if (!reply.ok) throw new Error(`generating client configs, docs and schemas failed: ${reply.error}`);
    return reply.result;
  };
}
