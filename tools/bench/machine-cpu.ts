import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of every core together, in ms: busy is what ran here (all but idle, iowait and steal);
 * steal is time the hypervisor gave this machine's cores to other guests while they had work.
 */
export interface CpuTimes {
  busyMs: number;
  stealMs: number;
  totalMs: number;
}

/** Linux reports /proc/stat in USER_HZ ticks, 100 a second on every architecture it supports. */
const MS_PER_TICK = 10;

/** The machine's CPU times from the text of /proc/stat (its first line sums every core). */
export function cpuTimesOf(procStat: string): CpuTimes {
  const fields = procStat.split('\n')[0].trim().split(/\s+/);
  if (fields[0] !== 'cpu') throw new Error(`not a /proc/stat text: ${fields[0]}`);
  const ticks = fields.slice(1).map(Number);
  const [, , , idle, iowait, , , steal] = ticks;
  // guest and guest_nice (fields 9 and 10) are already counted in user and nice.
  const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
  return { busyMs: (total - idle - iowait - steal) * MS_PER_TICK, stealMs: steal * MS_PER_TICK, totalMs: total * MS_PER_TICK };
}

/** The share of the cores' time the hypervisor took between two readings, in percent. */
export const stealPercent = (before: CpuTimes, after: CpuTimes): number => (100 * (after.stealMs - before.stealMs)) / Math.max(after.totalMs - before.totalMs, 1);

export const machineCpuTimes = (): CpuTimes => cpuTimesOf(readFileSync('/proc/stat', 'utf8'));

/** One process's parent and the user plus system CPU it has used, in ms, from the text of its /proc/<pid>/stat. */
export function processStatOf(procPidStat: string): { parent: number; cpuMs: number } {
  // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
  const fields = procPidStat.slice(procPidStat.lastIndexOf(')') + 2).split(' ');
  const [parent, utime, stime] = [Number(fields[1]), Number(fields[11]), Number(fields[12])];
  if (![parent, utime, stime].every(Number.isFinite)) throw new Error('not a /proc/<pid>/stat text');
  return { parent, cpuMs: (utime + stime) * MS_PER_TICK };
}

export const processCpuMs = (pid: number): number => processStatOf(readFileSync(`/proc/${pid}/stat`, 'utf8')).cpuMs;

export type ProcessTable = ReadonlyMap<number, { parent: number; cpuMs: number }>;

/**
 * CPU ms each named process and its descendants (PostgreSQL's backends are the postmaster's
 * children) used between two readings of every process. A process that started in between counts
 * whole; one that ended in between is not in the later reading and loses its last share.
 */
export function treeCpuMsBetween(roots: ReadonlyMap<number, string>, before: ProcessTable, after: ProcessTable): Map<string, number> {
  const used = new Map<string, number>();
  for (const [pid, { cpuMs }] of after) {
    let ancestor: number | undefined = pid;
    // Parents form a tree rooted at pid 1; the bound only guards against a cycle in a torn read.
    for (let depth = 0; ancestor !== undefined && !roots.has(ancestor) && depth < 64; depth++) ancestor = after.get(ancestor)?.parent;
    const name = ancestor === undefined ? undefined : roots.get(ancestor);
    if (name) used.set(name, (used.get(name) ?? 0) + cpuMs - (before.get(pid)?.cpuMs ?? 0));
  }
  return used;
}

/** Every process's parent and CPU now; one that ends between listing and reading is skipped. */
export function processTable(): ProcessTable {
  const processes = new Map<number, { parent: number; cpuMs: number }>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      processes.set(Number(pid), processStatOf(readFileSync(`/proc/${pid}/stat`, 'utf8')));
    } catch {
      continue;
    }
  }
  return processes;
}
