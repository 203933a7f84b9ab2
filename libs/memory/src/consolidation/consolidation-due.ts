/** A category's consolidation state, as the categories table keeps it. */
export interface ConsolidationState {
  /** When its items first changed since the summary; null: the summary is up to date. */
  dirtySince: Date | null;
  /** Until when a replica is consolidating it; null or past: nobody is. */
  leaseUntil: Date | null;
}

/**
 * A category is due when its items changed at least `delayMs` ago and no replica holds it. The delay
 * batches a burst of items into one consolidation: the first change starts the wait, later ones join it.
 */
export function dueForConsolidation(category: ConsolidationState, now: Date, delayMs: number): boolean {
  if (category.dirtySince === null) return false;
  const leaseFree = category.leaseUntil === null || category.leaseUntil.getTime() <= now.getTime();
  return leaseFree && category.dirtySince.getTime() <= now.getTime() - delayMs;
}
