import type { LlmErrorKind } from './llm-types';

/** Transient provider trouble: worth another attempt after a backoff. */
const RETRIED: ReadonlySet<LlmErrorKind> = new Set(['rate_limited', 'overloaded', 'server', 'timeout', 'connection']);

/**
 * Signs that the provider itself is unwell, which is what the circuit breaker counts. A 429 is
 * not one (the provider is fine; we are over our allowance), nor are our own mistakes
 * (invalid_request, auth) or the caller's abort.
 */
const PROVIDER_FAILURES: ReadonlySet<LlmErrorKind> = new Set(['overloaded', 'server', 'timeout', 'connection', 'malformed']);

export function isRetriedKind(kind: LlmErrorKind): boolean {
  return RETRIED.has(kind);
}

export function isProviderFailure(kind: LlmErrorKind): boolean {
  return PROVIDER_FAILURES.has(kind);
}
