/**
 * Why an embedding call failed. Rate limits, server errors, timeouts and lost connections are worth
 * another attempt; a refused request (bad key, unknown model), an unreadable answer or vectors of
 * the wrong length are not: they fail the same way every time.
 */
export type EmbeddingFailure = 'rate_limited' | 'server' | 'timeout' | 'connection' | 'rejected' | 'malformed' | 'wrong_dimensions' | 'aborted';

const RETRIED: ReadonlySet<EmbeddingFailure> = new Set(['rate_limited', 'server', 'timeout', 'connection']);

export class EmbeddingError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly failure: EmbeddingFailure,
    message: string,
    /** How long the server asked us to wait (429/503 retry-after). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'EmbeddingError';
    this.retryable = RETRIED.has(failure);
  }
}
