/**
 * What the strategies call: one model call, request in, response out. The shapes match `@sigil/llm`'s
 * `LlmRequest`/`LlmResponse` field for field, so an `LlmProvider` is a `ReasoningModel` as it is (this
 * domain lib may not import the infra lib, so it states the port it needs).
 */

export interface ModelToolDefinition {
  name: string;
  description: string;
  /** JSON Schema of the tool's input. */
  inputSchema: Record<string, unknown>;
}

export type ModelContentBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> }
  | { type: 'tool_result'; toolUseId: string; content: string; isError?: boolean };

export interface ModelMessage {
  role: 'user' | 'assistant';
  content: string | ModelContentBlock[];
}

export interface ModelRequest {
  system: string;
  messages: ModelMessage[];
  maxOutputTokens: number;
  temperature?: number;
  tools?: ModelToolDefinition[];
  stopSequences?: string[];
}

export interface ModelCallOptions {
  signal?: AbortSignal;
  /** Text as the model produces it. */
  onText?: (chunk: string) => void;
}

export interface ModelToolUse {
  id: string;
  name: string;
  input: Record<string, unknown>;
}

export interface ModelResponse {
  text: string;
  toolUses: ModelToolUse[];
  inputTokens: number;
  outputTokens: number;
  model: string;
  stopReason: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'other';
  costUsd: number;
}

export interface ReasoningModel {
  complete(request: ModelRequest, options?: ModelCallOptions): Promise<ModelResponse>;
}

/** The text of a message, its text blocks joined. */
export function textOf(content: ModelMessage['content']): string {
  if (typeof content === 'string') return content;
  return content
    .filter((block): block is Extract<ModelContentBlock, { type: 'text' }> => block.type === 'text')
    .map((block) => block.text)
    .join('\n\n');
}
