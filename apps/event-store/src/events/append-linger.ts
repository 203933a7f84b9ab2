/**
 * How long an idle event store waits after a message before writing it, so that the events of a
 * run, which come within tens of milliseconds, go in one statement and after the run rather than
 * one by one while its hops still need the cores (ADR 0012).
 */
export const DEFAULT_APPEND_LINGER_MS = 50;

/** Below JetStream's ack wait by far, so a lingering message is never redelivered for it. */
const MAX_APPEND_LINGER_MS = 5_000;

/** SIGIL_EVENT_STORE_LINGER_MS (milliseconds, 0 to 5000; 0 writes at once); a bad value stops the event store from starting. */
export function appendLingerMsFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.SIGIL_EVENT_STORE_LINGER_MS?.trim();
  if (!raw) return DEFAULT_APPEND_LINGER_MS;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_APPEND_LINGER_MS) {
    throw new Error(`SIGIL_EVENT_STORE_LINGER_MS must be a whole number of milliseconds from 0 to ${MAX_APPEND_LINGER_MS}, got "${raw}"`);
  }
  return value;
}
