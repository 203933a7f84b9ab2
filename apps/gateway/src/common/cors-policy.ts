/** What a browser may read from a cross-origin response besides the CORS-safelisted headers. */
const EXPOSED_HEADERS = [
  'X-Request-ID',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'X-RateLimit-Window',
  'Retry-After',
  'ETag',
  'Location',
  'X-Tokens-Used',
  'X-Tokens-Remaining',
  'Idempotent-Replayed',
].join(', ');
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type, X-API-Key, X-Request-ID, Idempotency-Key, If-None-Match';
const PREFLIGHT_MAX_AGE_S = '3600';

export type CorsRequest = { method: string; origin: string | undefined; requestedMethod: string | undefined };
export type CorsDecision = { headers: Readonly<Record<string, string>> | undefined; preflight: boolean };

const NONE: CorsDecision = { headers: undefined, preflight: false };
const REFUSED_PREFLIGHT: CorsDecision = { headers: undefined, preflight: true };

/**
 * The CORS headers of the allowlist, built once per origin: a request without an Origin (every
 * server-to-server call) gets none, an origin not on the list gets none (the browser then refuses),
 * and a preflight is answered here whether or not its origin is allowed. `Vary: Origin` is on every
 * response already (security headers), as the Fetch standard asks of a varying allowlist.
 */
export class CorsPolicy {
  private readonly simple = new Map<string, CorsDecision>();
  private readonly preflights = new Map<string, CorsDecision>();

  constructor(origins: readonly string[]) {
    for (const origin of origins) {
      const base = { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' };
      this.simple.set(origin, { headers: { ...base, 'access-control-expose-headers': EXPOSED_HEADERS }, preflight: false });
      const preflight = {
        ...base,
        'access-control-allow-methods': ALLOWED_METHODS,
        'access-control-allow-headers': ALLOWED_HEADERS,
        'access-control-max-age': PREFLIGHT_MAX_AGE_S,
      };
      this.preflights.set(origin, { headers: preflight, preflight: true });
    }
  }

  decide({ method, origin, requestedMethod }: CorsRequest): CorsDecision {
    if (origin === undefined) return NONE;
    if (method === 'OPTIONS' && requestedMethod !== undefined) return this.preflights.get(origin) ?? REFUSED_PREFLIGHT;
    return this.simple.get(origin) ?? NONE;
  }
}
