import type { LlmContentBlock, LlmMessage, LlmRequest } from './llm-types';

export const CHARS_PER_TOKEN = 4;

/** A rough token count (4 characters a token) for budgets and rate limits before the provider reports the real one. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

function blockText(block: LlmContentBlock): string {
  switch (block.type) {
    case 'text':
      return block.text;
    case 'tool_use':
      return block.name + JSON.stringify(block.input);
    case 'tool_result':
      return block.content;
  }
}

function messageText(message: LlmMessage): string {
  return typeof message.content === 'string' ? message.content : message.content.map(blockText).join('');
}

/** The input side of a call: system prompt, every message and the tool definitions. */
export function estimateRequestTokens(request: LlmRequest): number {
  const tools = (request.tools ?? []).map((tool) => tool.name + tool.description + JSON.stringify(tool.inputSchema));
  return estimateTokens([request.system, ...request.messages.map(messageText), ...tools].join(''));
}
