interface HeaderSource {
  get(name: string): string | null;
}

/**
 * How long a 429/529 asked us to wait: `retry-after-ms` (milliseconds) first, then `retry-after`
 * as seconds or as an HTTP date. Undefined when the server did not say (or said nonsense).
 */
export function retryAfterMsFrom(headers: HeaderSource | undefined, now: number): number | undefined {
  const milliseconds = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return Math.ceil(milliseconds);
  const raw = headers?.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1_000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
