import { percentile } from './percentiles';

export interface TimedEvent {
  type: string;
  /** When its producer created it (ISO 8601, ms). */
  time: string;
}

export interface TimelineRow {
  type: string;
  /** Median ms from the run's request to this event's first occurrence in a run. */
  medianMs: number;
  /** How many of the runs had it. */
  runs: number;
}

/**
 * Where a run's time goes: for every event type, the median time from `run.requested` to its first
 * occurrence, over the runs that had it, earliest first. Runs without their request are left out.
 */
export function runTimeline(runs: TimedEvent[][], requestedType: string): TimelineRow[] {
  const offsets = new Map<string, number[]>();
  for (const events of runs) {
    const requested = events.find((event) => event.type === requestedType);
    if (!requested) continue;
    const seen = new Set<string>();
    for (const event of [...events].sort((a, b) => Date.parse(a.time) - Date.parse(b.time))) {
      if (seen.has(event.type)) continue;
      seen.add(event.type);
      offsets.set(event.type, [...(offsets.get(event.type) ?? []), Date.parse(event.time) - Date.parse(requested.time)]);
    }
  }
  return [...offsets]
    .map(([type, values]) => ({ type, medianMs: percentile(values, 50), runs: values.length }))
    .sort((a, b) => a.medianMs - b.medianMs || a.type.localeCompare(b.type));
}
