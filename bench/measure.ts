/**
 * Runs one benchmark process and measures it from the outside: wall time from just before spawn to its exit (node
 * start, loader and module loading included), and peak RSS of its process tree, sampled from /proc every 20 ms (so a
 * pipeline that forks workers is charged for all of them), next to the process's own VmHWM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ChildMode, ChildResult } from './child';
import { childrenCpuMs } from './children-cpu';

export const REPO_ROOT = resolve(__dirname, '..');

/**
 * Node flags of every measured process, both sides alike: the tsx loader, which both sides' benchmark apps
 * (TypeScript, as a user's declarations are) need, and which `npm run synth` (`tsx main.ts`) uses. `--import tsx`
 * loads it in the same process rather than through tsx's CLI, which would add a parent process of its own.
 */
export const NODE_FLAGS: readonly string[] = ['--import', 'tsx'];

export interface Measurement {
  readonly mode: ChildMode;
  /** Wall time of the whole process, ms. */
  readonly wallMs: number;
  /** Peak RSS of the process tree, KiB: the larger of the process's VmHWM and the sampled sum over its tree. */
  readonly peakRssKiB: number;
  /** CPU time of the process and its waited-for children, ms. */
  readonly cpuMs: number;
  readonly child: ChildResult;
}

export interface RunOptions {
  /** Extra node flags for this run only (profiling); measured runs use NODE_FLAGS alone. */
  readonly extraNodeFlags?: readonly string[];
  /** Extra environment variables. */
  readonly env?: Readonly<Record<string, string>>;
}

const SAMPLE_INTERVAL_MS = 20;

function statusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? 0 : Number(match[1]);
  } catch {
    return 0;
  }
}

function descendants(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const task of tasks) {
    let children: string[] = [];
    try {
      children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
        .split(' ')
        .filter((s) => s !== '');
    } catch {
      continue;
    }
    for (const child of children.map(Number)) out.push(child, ...descendants(child));
  }
  return out;
}

function treeRssKiB(pid: number): number {
  return [pid, ...descendants(pid)].reduce((n, p) => n + statusKiB(p, 'VmRSS'), 0);
}

/** Waits for a child to exit, sampling its process tree's RSS every SAMPLE_INTERVAL_MS meanwhile (the peak, KiB). */
async function untilExit(child: ChildProcess): Promise<{ readonly code: number | null; readonly sampledKiB: number }> {
  let sampledKiB = 0;
  const sampler = setInterval(() => {
    if (child.pid !== undefined) sampledKiB = Math.max(sampledKiB, treeRssKiB(child.pid));
  }, SAMPLE_INTERVAL_MS);
  try {
    const code = await new Promise<number | null>((done, fail) => {
      child.on('error', fail);
      child.on('exit', (c) => done(c));
    });
    return { code, sampledKiB };
  } finally {
    clearInterval(sampler);
  }
}

/** Runs `node <flags> bench/child.ts <mode> …` in the repository root and measures it. */
export async function measure(mode: ChildMode, args: readonly string[], options: RunOptions = {}): Promise<Measurement> {
  const scratch = mkdtempSync(join(tmpdir(), 'topicform-bench-result-'));
  const resultFile = join(scratch, 'result.json');
  const flags = [...NODE_FLAGS, ...(options.extraNodeFlags ?? [])];
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  // The parent's NODE_OPTIONS (npm or an IDE may set them) must not reach one side only: neither gets them.
  delete env.NODE_OPTIONS;
  try {
    let stderr = '';
    const start = performance.now();
    const child = spawn(process.execPath, [...flags, join(REPO_ROOT, 'bench', 'child.ts'), mode, '--result', resultFile, ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const { code, sampledKiB } = await untilExit(child);
    const wallMs = performance.now() - start;
    if (code !== 0) throw new Error(`bench child ${mode} ${args.join(' ')} exited with ${code}:\n${stderr.slice(-4000)}`);
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as ChildResult;
    return { mode, wallMs, peakRssKiB: Math.max(result.vmHwmKiB, sampledKiB), cpuMs: result.cpuMs, child: result };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A whole process measured from the outside only (bench/cli-process.ts). */
export interface CommandMeasurement {
  /** Wall time from spawn to exit, ms. */
  readonly wallMs: number;
  /** CPU time (user + system) of the process and the children it waited for, as the kernel charged it to this one, ms. */
  readonly cpuMs: number;
  /** Peak RSS of the process tree, KiB, sampled every SAMPLE_INTERVAL_MS. */
  readonly peakRssKiB: number;
  readonly stdout: string;
}

/**
 * Runs `node <args>` in `cwd` (no NODE_FLAGS: the command line is the caller's) and measures it from the outside. CPU
 * time is this process's cutime + cstime before and after: the kernel adds a child's user and system time to them when
 * it is reaped, so the figure covers the whole process, start and exit included. The caller runs one at a time.
 */
export async function measureCommand(args: readonly string[], cwd: string, options: RunOptions = {}): Promise<CommandMeasurement> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  // The parent's NODE_OPTIONS (npm or an IDE may set them) must not reach one side only: neither gets them.
  delete env.NODE_OPTIONS;
  let stderr = '';
  let stdout = '';
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const child = spawn(process.execPath, [...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const { code, sampledKiB } = await untilExit(child);
  const wallMs = performance.now() - start;
  const cpuMs = childrenCpuMs() - cpuBefore;
  if (code !== 0) throw new Error(`node ${args.join(' ')} (in ${cwd}) exited with ${code}:\n${stderr.slice(-4000)}`);
  return { wallMs, cpuMs, peakRssKiB: sampledKiB, stdout };
}
