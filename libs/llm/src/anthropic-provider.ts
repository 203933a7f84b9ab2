import Anthropic from '@anthropic-ai/sdk';
import { toLlmError } from './anthropic-errors';
import { toMessageParams } from './anthropic-request';
import { toLlmResponse } from './anthropic-response';
import type { LlmCallOptions, LlmProvider, LlmRequest, LlmResponse } from './llm-types';
import type { Secret } from './secret';

export interface AnthropicProviderOptions {
  apiKey: Secret;
  /** The Messages API host; tests point it at the fake server. Absent: the SDK's default. */
  baseUrl?: string;
  model: string;
}

/** A non-streamed call waits for the whole answer; our own per-attempt timeout is the real limit. */
const NON_STREAMING_REQUEST_TIMEOUT_MS = 10 * 60_000;

/**
 * Claude through `@anthropic-ai/sdk`: streams when the caller listens for text, otherwise one JSON
 * answer. The SDK does not retry (`maxRetries: 0`): retries, rate limits and the circuit breaker
 * belong to `ResilientProvider`, which must see every failed attempt.
 */
export class AnthropicProvider implements LlmProvider {
  readonly name = 'anthropic';
  readonly model: string;
  private readonly client: Anthropic;

  constructor(options: AnthropicProviderOptions) {
    this.model = options.model;
    this.client = new Anthropic({ apiKey: options.apiKey.reveal(), baseURL: options.baseUrl, maxRetries: 0 });
  }

  async complete(request: LlmRequest, { signal, onText }: LlmCallOptions = {}): Promise<LlmResponse> {
    const params = toMessageParams(this.model, request);
    try {
      const message = onText
        ? await this.streamMessage(params, signal, onText)
        : await this.client.messages.create(params, { signal, timeout: NON_STREAMING_REQUEST_TIMEOUT_MS });
      return toLlmResponse(message);
    } catch (error) {
      throw toLlmError(error, signal);
    }
  }

  private streamMessage(params: Anthropic.MessageCreateParamsNonStreaming, signal: AbortSignal | undefined, onText: (chunk: string) => void): Promise<Anthropic.Message> {
    const stream = this.client.messages.stream(params, { signal });
    stream.on('text', (delta) => onText(delta));
    return stream.finalMessage();
  }
}
