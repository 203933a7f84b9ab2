import { abortableDelay, throwIfAborted } from './abort';
import type { LlmCallOptions, LlmProvider, LlmRequest, LlmResponse, LlmToolUse } from './llm-types';
import { chunkText, shapeLocalText } from './local-text';
import { estimateRequestTokens, estimateTokens } from './token-estimate';

export const LOCAL_MODEL = 'sigil-local-deterministic';

/** The local model's answer to a request; the reasoning service supplies it (plans, strategies, JSON for contracts). */
export type LocalAnswer = (request: LlmRequest) => { text: string; toolUses?: LlmToolUse[] };

export interface LocalProviderOptions {
  /** A fixed simulated model latency per call (abortable), for benchmarks and fault tests. */
  latencyMs?: number;
}

const STREAM_CHUNKS = 4;

/**
 * The deterministic provider used when no ANTHROPIC_API_KEY is set: the same request always gets
 * the same answer, shaped as a model's (stop sequences, output limit, streamed in chunks, token
 * counts estimated), so the platform runs offline. It reports its model as `sigil-local-deterministic`.
 */
export class LocalProvider implements LlmProvider {
  readonly name = 'local';
  readonly model = LOCAL_MODEL;
  private readonly latencyMs: number;

  constructor(
    private readonly answer: LocalAnswer,
    options: LocalProviderOptions = {},
  ) {
    this.latencyMs = options.latencyMs ?? 0;
  }

  async complete(request: LlmRequest, { signal, onText }: LlmCallOptions = {}): Promise<LlmResponse> {
    throwIfAborted(signal);
    if (this.latencyMs > 0) await abortableDelay(this.latencyMs, signal);
    const answer = this.answer(request);
    const { text, stopReason } = shapeLocalText(answer.text, request.maxOutputTokens, request.stopSequences);
    for (const chunk of chunkText(text, STREAM_CHUNKS)) {
      throwIfAborted(signal);
      onText?.(chunk);
    }
    throwIfAborted(signal);
    const toolUses = answer.toolUses ?? [];
    return {
      text,
      toolUses,
      inputTokens: estimateRequestTokens(request),
      outputTokens: estimateTokens(text + toolUses.map((use) => use.name + JSON.stringify(use.input)).join('')),
      model: LOCAL_MODEL,
      stopReason: toolUses.length > 0 && stopReason === 'end_turn' ? 'tool_use' : stopReason,
      costUsd: 0,
    };
  }
}
