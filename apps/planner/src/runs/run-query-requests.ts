/** The reason a query is refused, as its response's `error` carries it. */
export interface QueryErrorInit {
  code: string;
  message: string;
  status: number;
}

export const MAX_PER_PAGE = 100;

/** Instants a run can have finished at: from the epoch to the last instant a JS Date can hold. */
const LATEST_MS = 8_640_000_000_000_000;

/** `page` counts from 1 and `per_page` is 1..100; anything else is the caller's mistake, not a default. */
export function pageBounds(page: number, perPage: number): { page: number; perPage: number } | { error: QueryErrorInit } {
  if (!Number.isInteger(page) || page < 1) return { error: { code: 'REQ_001', message: `page must be 1 or more, got ${page}`, status: 400 } };
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    return { error: { code: 'REQ_001', message: `per_page must be between 1 and ${MAX_PER_PAGE}, got ${perPage}`, status: 400 } };
  }
  return { page, perPage };
}

/**
 * `since_ms` as a bound on finish times: every run finished after the epoch and before the end of
 * representable time, so clamping to that range changes no answer and keeps the SQL in range.
 */
export function sinceBoundMs(sinceMs: bigint): number {
  if (sinceMs < 0n) return 0;
  if (sinceMs > BigInt(LATEST_MS)) return LATEST_MS;
  return Number(sinceMs);
}
