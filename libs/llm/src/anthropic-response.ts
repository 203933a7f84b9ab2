import { LlmError, type LlmResponse, type LlmToolUse } from './llm-types';
import { costOf } from './model-prices';

const STOP_REASONS: ReadonlySet<string> = new Set(['end_turn', 'max_tokens', 'stop_sequence', 'tool_use']);

function malformed(detail: string): LlmError {
  return new LlmError('malformed', `the provider's answer is not a Messages API message: ${detail}`, false);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toolUseOf(block: Record<string, unknown>): LlmToolUse {
  const { id, name, input } = block;
  if (typeof id !== 'string' || typeof name !== 'string' || !isRecord(input)) throw malformed('a tool_use block without id, name or object input');
  return { id, name, input };
}

/**
 * A provider-neutral response from what the SDK returned (final streamed message or JSON body),
 * checked rather than trusted: anything that is not a message with content and usage is `malformed`.
 */
export function toLlmResponse(message: unknown): LlmResponse {
  if (!isRecord(message) || !Array.isArray(message.content)) throw malformed('no content');
  const { usage, model, stop_reason: stopReason } = message;
  if (!isRecord(usage) || typeof usage.input_tokens !== 'number' || typeof usage.output_tokens !== 'number') throw malformed('no usage');
  if (typeof model !== 'string') throw malformed('no model');
  const blocks = message.content.filter(isRecord);
  const text = blocks.flatMap((block) => (block.type === 'text' && typeof block.text === 'string' ? [block.text] : [])).join('');
  const toolUses = blocks.filter((block) => block.type === 'tool_use').map(toolUseOf);
  return {
    text,
    toolUses,
    inputTokens: usage.input_tokens,
    outputTokens: usage.output_tokens,
    model,
    stopReason: typeof stopReason === 'string' && STOP_REASONS.has(stopReason) ? (stopReason as LlmResponse['stopReason']) : 'other',
    costUsd: costOf(model, usage.input_tokens, usage.output_tokens).costUsd,
  };
}
