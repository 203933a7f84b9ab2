/** A tier's request allowances (tiers.ts). */
export interface RequestLimits {
  perSecond: number;
  perMinute: number;
  perHour: number;
}

export interface RequestWindow {
  windowSeconds: number;
  limit: number;
}

export interface WindowState extends RequestWindow {
  /** Requests counted in the current window, this one included when it was allowed. */
  used: number;
  /** Seconds until this window starts over. */
  resetsInSeconds: number;
}

export interface RateDecision {
  allowed: boolean;
  /** The window the headers report: the one that refused, else the one closest to refusing. */
  reported: WindowState;
}

export const requestWindows = (limits: RequestLimits): RequestWindow[] => [
  { windowSeconds: 1, limit: limits.perSecond },
  { windowSeconds: 60, limit: limits.perMinute },
  { windowSeconds: 3_600, limit: limits.perHour },
];

/** Picks the window to report from the counts Redis returned. */
export function decide(windows: WindowState[], allowed: boolean): RateDecision {
  const remaining = (window: WindowState) => window.limit - window.used;
  const candidates = allowed ? windows : windows.filter((window) => remaining(window) <= 0);
  const reported = candidates.reduce((tightest, window) => (remaining(window) < remaining(tightest) ? window : tightest));
  return { allowed, reported };
}

/** The X-RateLimit-* headers of the guidelines, plus Retry-After when refused. */
export function rateLimitHeaders(decision: RateDecision, nowSeconds: number): Record<string, string> {
  const { reported } = decision;
  const headers: Record<string, string> = {
    'x-ratelimit-limit': String(reported.limit),
    'x-ratelimit-remaining': String(Math.max(reported.limit - reported.used, 0)),
    'x-ratelimit-reset': String(nowSeconds + reported.resetsInSeconds),
    'x-ratelimit-window': String(reported.windowSeconds),
  };
  if (!decision.allowed) headers['retry-after'] = String(Math.max(reported.resetsInSeconds, 1));
  return headers;
}
