/**
 * One synth at a time per output folder. A synth creates `.topicform.<output>.lock` beside the output with O_EXCL
 * (only one process can create it) and removes it when it is done; a second synth waits for it, saying whom it waits
 * for, and gives up with a message after `--wait` seconds.
 *
 * A lock whose process is gone is stale and taken over: same host and the pid is not running, or (Linux) the pid now
 * belongs to a process that started at another time (pids are reused). A lock from another host (an output folder on
 * NFS shared by two machines) cannot be checked, so it is waited for; the message says how to remove it by hand.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { SYNTH_LOCK_POLL_MS, SYNTH_LOCK_UNREADABLE_STALE_MS } from '../limits';
import { OutputBusyError } from './errors';
import { lockPath } from './names';

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** ISO time the lock was taken. */
  readonly since: string;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat field 22), where the system has /proc. */
  readonly startTicks?: string;
  /** Unique per lock: release removes the lock only while it still holds this token. */
  readonly token: string;
}

export interface LockOptions {
  /** How long to wait for another synth; 0 refuses at once. */
  readonly waitMs: number;
  /** Called once when the lock is busy, with what it waits for. */
  readonly onWait?: (message: string) => void;
  /** Called when a stale lock is taken over. */
  readonly onStale?: (message: string) => void;
  /** How messages name the output. @default the output's path */
  readonly label?: string;
}

export interface OutputLock {
  readonly path: string;
  release(): void;
}

/** Takes the output's lock, waiting for another synth as long as `waitMs`; throws OutputBusyError after that. */
export function acquireOutputLock(target: string, options: LockOptions): OutputLock {
  const path = lockPath(target);
  const mine: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    ...startTicksOf(process.pid),
    token: randomBytes(8).toString('hex'),
  };
  const deadline = Date.now() + options.waitMs;
  const name = options.label ?? target;
  let waited = false;
  for (;;) {
    if (tryCreate(path, mine)) return { path, release: () => release(path, mine.token) };
    const holder = readHolder(path);
    if (holder === 'gone') continue;
    if (isStale(path, holder)) {
      if (breakStale(path, holder)) options.onStale?.(`removed a stale lock on ${name} left by ${describe(holder)}, which is no longer running`);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new OutputBusyError(
        `${name} is being written by another synth (${describe(holder)})${waited ? `; gave up after ${Math.round(options.waitMs / 1000)} s` : ''}. ` +
          `Wait for it to finish${holder === 'unreadable' || holder.host === hostname() ? '' : `, or, if no synth is running on ${holder.host}, remove ${path}`} (--wait <seconds> waits longer)`,
      );
    }
    if (!waited) {
      waited = true;
      options.onWait?.(`waiting for another synth writing ${name} (${describe(holder)}) to finish; giving up after ${Math.round(options.waitMs / 1000)} s`);
    }
    sleep(SYNTH_LOCK_POLL_MS);
  }
}

function tryCreate(path: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The lock's holder; `gone` when the lock disappeared meanwhile; `unreadable` while it is empty or garbled. */
function readHolder(path: string): LockHolder | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.token === 'string') return parsed as LockHolder;
  } catch {
    // written by a process killed mid-write, or still being written
  }
  return 'unreadable';
}

function isStale(path: string, holder: LockHolder | 'unreadable'): boolean {
  if (holder === 'unreadable') {
    try {
      return Date.now() - statSync(path).mtimeMs > SYNTH_LOCK_UNREADABLE_STALE_MS;
    } catch {
      return false;
    }
  }
  if (holder.host !== hostname()) return false;
  if (!isRunning(holder.pid)) return true;
  const now = startTicksOf(holder.pid).startTicks;
  return holder.startTicks !== undefined && now !== undefined && now !== holder.startTicks;
}

/**
 * Takes a stale lock away by renaming it (one process wins the rename), then checks that the renamed file is the stale
 * lock it judged and not a fresh one another process created meanwhile; a fresh one is put back.
 */
function breakStale(path: string, judged: LockHolder | 'unreadable'): boolean {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  const taken = readHolder(aside);
  const same = judged === 'unreadable' ? taken === 'unreadable' : taken !== 'gone' && taken !== 'unreadable' && taken.token === judged.token;
  if (!same) {
    try {
      renameSync(aside, path);
    } catch {
      // the fresh lock's owner is past creating it; it releases by token, so nothing of ours is at stake
    }
    return false;
  }
  rmSync(aside, { force: true });
  return true;
}

function release(path: string, token: string): void {
  const holder = readHolder(path);
  if (holder !== 'gone' && holder !== 'unreadable' && holder.token === token) rmSync(path, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's process
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A process's start time from /proc, where there is one; it tells a reused pid from the lock's process. */
function startTicksOf(pid: number): { startTicks?: string } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime), counted after the command name, which may contain spaces and parentheses.
    const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return ticks === undefined ? {} : { startTicks: ticks };
  } catch {
    return {};
  }
}

function describe(holder: LockHolder | 'unreadable'): string {
  return holder === 'unreadable' ? 'a lock being written' : `pid ${holder.pid} on ${holder.host}, since ${holder.since}`;
}

/** Blocks the thread (synth's API is synchronous) without spinning. */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
