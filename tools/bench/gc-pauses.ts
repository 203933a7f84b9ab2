/** A process's garbage-collection pauses of one kind, as prom-client's default metrics count them. */
export interface GcPauses {
  count: number;
  totalMs: number;
}

/**
 * The pauses of one GC kind (`minor` = scavenges, `major` = mark-compact) read from a Prometheus
 * text exposition: the `<prefix>nodejs_gc_duration_seconds` histogram's sum and count for that kind.
 */
export function gcPausesOf(metricsText: string, prefix: string, kind: 'minor' | 'major'): GcPauses {
  const read = (suffix: 'sum' | 'count') => {
    const line = metricsText.split('\n').find((candidate) => candidate.startsWith(`${prefix}nodejs_gc_duration_seconds_${suffix}{`) && candidate.includes(`kind="${kind}"`));
    return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
  };
  return { count: read('count'), totalMs: read('sum') * 1_000 };
}

/** The pauses between two readings. */
export const gcPausesBetween = (before: GcPauses, after: GcPauses): GcPauses => ({ count: after.count - before.count, totalMs: after.totalMs - before.totalMs });
