/** Instants a run can have finished at: from the epoch to the last instant a JS Date can hold. */
const LATEST_MS = 8_640_000_000_000_000;

/**
 * `since_ms` as a bound on finish times: every run finished after the epoch and before the end of
 * representable time, so clamping to that range changes no answer and keeps the SQL in range.
 */
export function sinceBoundMs(sinceMs: bigint): number {
  if (sinceMs < 0n) return 0;
  if (sinceMs > BigInt(LATEST_MS)) return LATEST_MS;
  return Number(sinceMs);
}
