import { Logger, type LoggerService } from '@nestjs/common';
import { retryAfterMsFrom, retryDelayMs } from '@sigil/llm';
import type { EmbeddingProvider } from '@sigil/memory';
import { setTimeout as sleep } from 'node:timers/promises';
import { EmbeddingError } from './embedding-error';
import type { RemoteEmbeddingSettings } from './embedding-settings';
import { readEmbeddingsResponse } from './embeddings-response';

/** Inputs per request: OpenAI takes up to 2,048, other servers far fewer; small batches also keep a retry cheap. */
export const MAX_INPUTS_PER_REQUEST = 96;

/** How much of an error body goes into the error message (bodies can be long HTML pages). */
const ERROR_DETAIL_CHARS = 200;

function batchesOf<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

/** The API's own error message when the body is OpenAI's `{"error":{"message"}}`, else the start of the body. */
function errorDetail(body: string): string {
  try {
    const message = (JSON.parse(body) as { error?: { message?: unknown } }).error?.message;
    if (typeof message === 'string') return message.slice(0, ERROR_DETAIL_CHARS);
  } catch {
    // not JSON: the raw text says what it says
  }
  return body.slice(0, ERROR_DETAIL_CHARS);
}

function failureOfStatus(status: number): 'rate_limited' | 'server' | 'rejected' {
  if (status === 429) return 'rate_limited';
  return status >= 500 ? 'server' : 'rejected';
}

/**
 * Embeddings from any server speaking OpenAI's `POST /embeddings` (OpenAI, Azure-style gateways,
 * vLLM, Ollama, LiteLLM, …): inputs in batches of at most 96, each attempt bounded by a timeout,
 * 429/5xx/timeouts/lost connections retried a bounded number of times with full-jitter backoff (a
 * `retry-after` is honoured; one longer than the longest backoff fails the call rather than hold
 * it), vectors checked against the configured dimensions. The key goes only into the Authorization
 * header: it is never logged nor put in an error.
 */
export class OpenAiCompatibleEmbeddingProvider implements EmbeddingProvider {
  readonly name = 'openai';
  readonly model: string;

  constructor(
    private readonly settings: RemoteEmbeddingSettings,
    readonly dimensions: number,
    private readonly logger: Pick<LoggerService, 'warn'> = new Logger('Embeddings'),
    private readonly random: () => number = Math.random,
  ) {
    this.model = settings.model;
  }

  async embed(texts: string[], options: { signal?: AbortSignal } = {}): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (const batch of batchesOf(texts, MAX_INPUTS_PER_REQUEST)) vectors.push(...(await this.embedBatch(batch, options.signal)));
    return vectors;
  }

  private async embedBatch(inputs: string[], signal: AbortSignal | undefined): Promise<Float32Array[]> {
    const policy = { baseMs: this.settings.backoffBaseMs, maxMs: this.settings.backoffMaxMs };
    for (let retry = 1; ; retry++) {
      try {
        return await this.attempt(inputs, signal);
      } catch (error) {
        if (!(error instanceof EmbeddingError) || !error.retryable || retry > this.settings.maxRetries) throw error;
        if (error.retryAfterMs !== undefined && error.retryAfterMs > policy.maxMs) {
          throw new EmbeddingError(error.failure, `${error.message}; the server asked to wait ${error.retryAfterMs} ms, longer than ${policy.maxMs} ms`);
        }
        const delayMs = retryDelayMs(retry, error.retryAfterMs, policy, this.random);
        this.logger.warn(`embeddings call failed (${error.failure}): ${error.message}; retry ${retry} of ${this.settings.maxRetries} in ${delayMs} ms`);
        await sleep(delayMs, undefined, { signal }).catch(() => {
          throw new EmbeddingError('aborted', 'the embeddings call was aborted');
        });
      }
    }
  }

  /** One HTTP request; the timeout covers the whole exchange, reading the body included. */
  private async attempt(inputs: string[], signal: AbortSignal | undefined): Promise<Float32Array[]> {
    if (signal?.aborted) throw new EmbeddingError('aborted', 'the embeddings call was aborted');
    const timeout = AbortSignal.timeout(this.settings.timeoutMs);
    const attemptSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.settings.apiKey) headers.authorization = `Bearer ${this.settings.apiKey.reveal()}`;
    try {
      const response = await fetch(`${this.settings.url}/embeddings`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ model: this.model, input: inputs, dimensions: this.dimensions }),
        signal: attemptSignal,
      });
      if (!response.ok) {
        const detail = errorDetail(await response.text());
        throw new EmbeddingError(failureOfStatus(response.status), `HTTP ${response.status}: ${detail}`, retryAfterMsFrom(response.headers, Date.now()));
      }
      const body: unknown = await response.json().catch(() => {
        if (attemptSignal.aborted) throw attemptSignal.reason;
        throw new EmbeddingError('malformed', 'the embeddings answer is not JSON');
      });
      return readEmbeddingsResponse(body, inputs.length, this.dimensions);
    } catch (error) {
      if (error instanceof EmbeddingError) throw error;
      if (signal?.aborted) throw new EmbeddingError('aborted', 'the embeddings call was aborted');
      if (timeout.aborted) throw new EmbeddingError('timeout', `no answer within ${this.settings.timeoutMs} ms`);
      throw new EmbeddingError('connection', `could not reach the embeddings server: ${(error as Error).cause ?? (error as Error).message}`);
    }
  }
}
