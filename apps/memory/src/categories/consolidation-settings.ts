/** How long a changed category waits for more changes before its summary is rebuilt: a burst of items is one consolidation. */
export const DEFAULT_CONSOLIDATION_DELAY_MS = 2_000;

/** SIGIL_MEMORY_CONSOLIDATION_DELAY_MS (milliseconds, 0 or more); a bad value stops memory from starting. */
export function consolidationDelayMsFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.SIGIL_MEMORY_CONSOLIDATION_DELAY_MS?.trim();
  if (!raw) return DEFAULT_CONSOLIDATION_DELAY_MS;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`SIGIL_MEMORY_CONSOLIDATION_DELAY_MS must be a whole number of milliseconds, got "${raw}"`);
  return value;
}

/** The consolidation delay's injection token (erasure backdates its marks by it, so they are due at once). */
export const CONSOLIDATION_DELAY_MS = Symbol('CONSOLIDATION_DELAY_MS');
