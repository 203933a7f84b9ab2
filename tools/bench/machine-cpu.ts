import { readFileSync } from 'node:fs';

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

/** User plus system CPU one process has used, in ms, from the text of its /proc/<pid>/stat. */
export function processCpuMsOf(procPidStat: string): number {
  // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
  const fields = procPidStat.slice(procPidStat.lastIndexOf(')') + 2).split(' ');
  const [utime, stime] = [Number(fields[11]), Number(fields[12])];
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error('not a /proc/<pid>/stat text');
  return (utime + stime) * MS_PER_TICK;
}

export const processCpuMs = (pid: number): number => processCpuMsOf(readFileSync(`/proc/${pid}/stat`, 'utf8'));
