/** The provider-neutral shape of an LLM call; `AnthropicProvider` and `LocalProvider` both speak it. */

export interface LlmToolDefinition {
  name: string;
  description: string;
  /** JSON Schema of the tool's input. */
  inputSchema: Record<string, unknown>;
}

export type LlmContentBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> }
  | { type: 'tool_result'; toolUseId: string; content: string; isError?: boolean };

export interface LlmMessage {
  role: 'user' | 'assistant';
  content: string | LlmContentBlock[];
}

export interface LlmRequest {
  system: string;
  messages: LlmMessage[];
  maxOutputTokens: number;
  temperature?: number;
  tools?: LlmToolDefinition[];
  stopSequences?: string[];
}

export interface LlmCallOptions {
  /** Aborts the call (run cancelled, deadline passed); the promise rejects with an `LlmError` of kind `aborted`. */
  signal?: AbortSignal;
  /** Text as it is produced (streaming); called in order, never after the promise settles. */
  onText?: (chunk: string) => void;
}

export interface LlmToolUse {
  id: string;
  name: string;
  input: Record<string, unknown>;
}

export interface LlmResponse {
  text: string;
  toolUses: LlmToolUse[];
  inputTokens: number;
  outputTokens: number;
  /** The model that answered, as the provider reports it (`sigil-local-deterministic` for the local provider). */
  model: string;
  stopReason: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'other';
  costUsd: number;
}

export interface LlmProvider {
  /** `anthropic` or `local`. */
  readonly name: string;
  readonly model: string;
  complete(request: LlmRequest, options?: LlmCallOptions): Promise<LlmResponse>;
}

/**
 * Why a call failed. Retryable kinds are retried with backoff by `ResilientProvider` before they
 * reach the caller; what reaches the caller is final.
 */
export type LlmErrorKind =
  | 'rate_limited' // 429
  | 'overloaded' // 529
  | 'server' // other 5xx
  | 'timeout'
  | 'connection'
  | 'malformed' // a response that is not the Messages API's shape
  | 'invalid_request' // 400, 413, 422
  | 'auth' // 401, 403
  | 'circuit_open'
  | 'queue_full'
  | 'aborted';

export class LlmError extends Error {
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    readonly retryable: boolean,
    /** From a 429/529's `retry-after`, when the server said. */
    readonly retryAfterMs?: number,
    /** How many attempts the call made, on the error `ResilientProvider` hands to its caller. */
    readonly attempts?: number,
  ) {
    super(message);
    this.name = 'LlmError';
  }
}
