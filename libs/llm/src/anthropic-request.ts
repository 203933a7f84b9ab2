import type Anthropic from '@anthropic-ai/sdk';
import type { LlmContentBlock, LlmMessage, LlmRequest, LlmToolDefinition } from './llm-types';

function toContentBlock(block: LlmContentBlock): Anthropic.ContentBlockParam {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: block.text };
    case 'tool_use':
      return { type: 'tool_use', id: block.id, name: block.name, input: block.input };
    case 'tool_result':
      return { type: 'tool_result', tool_use_id: block.toolUseId, content: block.content, ...(block.isError ? { is_error: true } : {}) };
  }
}

function toMessageParam(message: LlmMessage): Anthropic.MessageParam {
  const content = typeof message.content === 'string' ? message.content : message.content.map(toContentBlock);
  return message.role === 'user' ? { role: 'user', content } : { role: 'assistant', content };
}

function toTool(tool: LlmToolDefinition): Anthropic.Tool {
  return { name: tool.name, description: tool.description, input_schema: { ...tool.inputSchema, type: 'object' } };
}

/**
 * The Messages API body for a provider-neutral request. `temperature` is deliberately not sent:
 * API version 2026-10-21 (the one `@anthropic-ai/sdk` 1.x speaks) answers 400 to any sampling
 * parameter, even at its default value.
 */
export function toMessageParams(model: string, request: LlmRequest): Anthropic.MessageCreateParamsNonStreaming {
  return {
    model,
    max_tokens: request.maxOutputTokens,
    messages: request.messages.map(toMessageParam),
    ...(request.system ? { system: request.system } : {}),
    ...(request.tools?.length ? { tools: request.tools.map(toTool) } : {}),
    ...(request.stopSequences?.length ? { stop_sequences: request.stopSequences } : {}),
  };
}
