import { abortableDelay } from './abort';
import { retryDelayMs } from './backoff';
import { CircuitBreaker, type CircuitState } from './circuit-breaker';
import { CostLedger } from './cost-ledger';
import { isProviderFailure, isRetriedKind } from './failure-kinds';
import { LlmError, type LlmCallOptions, type LlmProvider, type LlmRequest, type LlmResponse } from './llm-types';
import { costOf } from './model-prices';
import { RateLimiter } from './rate-limiter';
import { RequestQueue } from './request-queue';
import type { ResilienceSettings } from './resilience-settings';
import { estimateRequestTokens } from './token-estimate';

export interface ResilienceClock {
  now: () => number;
  /** In [0, 1): the jitter of retry waits. */
  random: () => number;
}

export interface LlmMetrics {
  provider: string;
  inFlight: number;
  queued: number;
  circuit: CircuitState;
}

type TextRelay = ((chunk: string) => void) | undefined;

const systemClock: ResilienceClock = { now: () => Date.now(), random: Math.random };

/**
 * What services call: any provider behind a bounded queue, request and token rate limits, retries
 * with backoff, a per-attempt timeout and a circuit breaker, with cost tracking by model.
 *
 * A call is retried only while it has not streamed any text. Once text went to `onText` the caller
 * may already have relayed it (TokenChunks to a user), and a retry would stream the answer again
 * from its start, duplicated and possibly different; so a failure after text is final.
 */
export class ResilientProvider implements LlmProvider {
  readonly costs = new CostLedger();
  private readonly queue: RequestQueue;
  private readonly limiter: RateLimiter;
  private readonly breaker: CircuitBreaker;

  constructor(
    private readonly inner: LlmProvider,
    private readonly settings: ResilienceSettings,
    private readonly clock: ResilienceClock = systemClock,
  ) {
    this.queue = new RequestQueue(settings.maxConcurrency, settings.maxQueue);
    this.limiter = new RateLimiter(
      { requestsPerMinute: settings.requestsPerMinute, tokensPerMinute: settings.tokensPerMinute, windowMs: settings.rateWindowMs },
      clock.now,
    );
    this.breaker = new CircuitBreaker({ failureThreshold: settings.circuitFailureThreshold, coolDownMs: settings.circuitCoolDownMs });
  }

  get name(): string {
    return this.inner.name;
  }

  get model(): string {
    return this.inner.model;
  }

  metrics(): LlmMetrics {
    return { provider: this.inner.name, inFlight: this.queue.inFlight, queued: this.queue.queued, circuit: this.breaker.state(this.clock.now()) };
  }

  async complete(request: LlmRequest, options: LlmCallOptions = {}): Promise<LlmResponse> {
    // An open circuit answers at once, without waiting for a slot (slots may be held by calls waiting out the rate limits).
    if (this.breaker.state(this.clock.now()) === 'open') throw this.circuitOpen(this.breaker.coolDownLeftMs(this.clock.now()), 0);
    let settled = false;
    let streamed = false;
    const { onText } = options;
    // Nothing reaches the caller after its promise settles, even from an attempt still winding down.
    const relay: TextRelay = onText
      ? (chunk) => {
          if (settled) return;
          streamed = true;
          onText(chunk);
        }
      : undefined;
    try {
      return await this.queue.run(() => this.withRetries(request, options.signal, relay, () => streamed), options.signal);
    } finally {
      settled = true;
    }
  }

  private async withRetries(request: LlmRequest, signal: AbortSignal | undefined, onText: TextRelay, hasStreamed: () => boolean): Promise<LlmResponse> {
    const estimatedTokens = estimateRequestTokens(request) + request.maxOutputTokens;
    const backoff = { baseMs: this.settings.backoffBaseMs, maxMs: this.settings.backoffMaxMs };
    const made = { attempts: 0 };
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(request, estimatedTokens, signal, onText, made);
      } catch (error) {
        const failure = error as LlmError;
        const retry = isRetriedKind(failure.kind) && !hasStreamed() && attempt <= this.settings.maxRetries;
        if (!retry) {
          const attempts = `after ${made.attempts} attempt${made.attempts === 1 ? '' : 's'}`;
          throw new LlmError(failure.kind, `${failure.message} (${attempts})`, failure.retryable, failure.retryAfterMs, made.attempts);
        }
        await abortableDelay(retryDelayMs(attempt, failure.retryAfterMs, backoff, this.clock.random), signal);
      }
    }
  }

  /** One call to the provider (counted in `made`): rate limits, circuit breaker, timeout, then bookkeeping. Throws LlmErrors only. */
  private async attempt(
    request: LlmRequest,
    estimatedTokens: number,
    signal: AbortSignal | undefined,
    onText: TextRelay,
    made: { attempts: number },
  ): Promise<LlmResponse> {
    await this.limiter.reserve(estimatedTokens, signal);
    // Asked after the rate-limit wait, which can be long: the circuit may have opened meanwhile.
    const admission = this.breaker.admit(this.clock.now());
    if (!admission.admitted) {
      this.limiter.settle(estimatedTokens, 0);
      throw this.circuitOpen(admission.retryAfterMs);
    }
    const timeout = AbortSignal.timeout(this.settings.timeoutMs);
    made.attempts += 1;
    try {
      const response = await this.inner.complete(request, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout, onText });
      this.breaker.recordSuccess();
      this.limiter.settle(estimatedTokens, response.inputTokens + response.outputTokens);
      const cost = costOf(response.model, response.inputTokens, response.outputTokens);
      this.costs.record(response.model, response.inputTokens, response.outputTokens, cost);
      return { ...response, costUsd: cost.costUsd };
    } catch (error) {
      const failure = this.failureOf(error, signal, timeout);
      this.limiter.settle(estimatedTokens, 0);
      if (isProviderFailure(failure.kind)) this.breaker.recordFailure(this.clock.now());
      else if (failure.kind === 'aborted') this.breaker.recordNoVerdict();
      // Any other answer (a 429, a 4xx) shows that the provider is up.
      else this.breaker.recordSuccess();
      throw failure;
    }
  }

  private failureOf(error: unknown, signal: AbortSignal | undefined, timeout: AbortSignal): LlmError {
    if (timeout.aborted && !signal?.aborted) return new LlmError('timeout', `no answer from ${this.inner.name} within ${this.settings.timeoutMs} ms`, true);
    if (error instanceof LlmError) return error;
    return new LlmError('malformed', `${this.inner.name} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`, false);
  }

  private circuitOpen(retryAfterMs: number, attempts?: number): LlmError {
    return new LlmError('circuit_open', `the ${this.inner.name} circuit is open after repeated failures`, true, retryAfterMs, attempts);
  }
}
