/**
 * CPU time of the child processes this process has waited for, and of theirs (cutime + cstime of /proc/self/stat):
 * around one terraform command, the CPU that terraform and the provider processes it started spent. On this shared
 * 2-core machine wall time moves with the other users' load; CPU time much less, so the terraform sections report both.
 * 0 where /proc is missing (not Linux).
 */
import { readFileSync } from 'node:fs';

/** USER_HZ on Linux (sysconf(_SC_CLK_TCK)); 100 on every mainstream kernel configuration. */
const CLOCK_TICKS_PER_SECOND = 100;

export function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5) (cutime, cstime), counted from 1; the slice starts at field 3.
    return ((Number(fields[13] ?? 0) + Number(fields[14] ?? 0)) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Runs `work` and adds the CPU its waited-for children spent. */
export async function withChildrenCpu<T>(work: () => Promise<T>): Promise<{ result: T; cpuMs: number }> {
  const before = childrenCpuMs();
  const result = await work();
  return { result, cpuMs: childrenCpuMs() - before };
}
