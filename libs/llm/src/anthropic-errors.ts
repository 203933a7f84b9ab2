import { AnthropicError, APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { abortedError } from './abort';
import { isRetriedKind } from './failure-kinds';
import { LlmError, type LlmErrorKind } from './llm-types';
import { retryAfterMsFrom } from './retry-after';

/** The `error.type` of an error event inside a stream (which has no HTTP status). */
const KIND_OF_ERROR_TYPE: Readonly<Record<string, LlmErrorKind>> = {
  rate_limit_error: 'rate_limited',
  overloaded_error: 'overloaded',
  api_error: 'server',
  timeout_error: 'timeout',
  authentication_error: 'auth',
  permission_error: 'auth',
  invalid_request_error: 'invalid_request',
  request_too_large: 'invalid_request',
  not_found_error: 'invalid_request',
};

/** Network failures that reach us as a cause: a stream cut mid-body is undici's TypeError "terminated". */
const CONNECTION_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

function kindOfStatus(status: number): LlmErrorKind {
  if (status === 429) return 'rate_limited';
  if (status === 529) return 'overloaded';
  if (status === 408) return 'timeout';
  if (status === 401 || status === 403) return 'auth';
  if (status >= 500) return 'server';
  return 'invalid_request';
}

interface ErrorLike {
  message?: unknown;
  code?: unknown;
  cause?: unknown;
}

/** The error and its causes, read by shape: errors from another realm (fetch's) fail `instanceof Error`. */
function causes(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  for (let current = error; typeof current === 'object' && current !== null && chain.length < 8; current = (current as ErrorLike).cause) {
    chain.push(current as ErrorLike);
  }
  return chain;
}

function isConnectionFailure(error: unknown): boolean {
  // The SDK may wrap the cut as a message ("TypeError: terminated") rather than as a cause.
  return causes(error).some((cause) => /\bterminated$/.test(String(cause.message)) || CONNECTION_CODES.has(String(cause.code)));
}

function llmError(kind: LlmErrorKind, message: string, retryAfterMs?: number): LlmError {
  return new LlmError(kind, message, isRetriedKind(kind), retryAfterMs);
}

/**
 * What went wrong, in provider-neutral kinds, from whatever the SDK threw. Anything that is not a
 * known HTTP, network or abort failure means the answer could not be understood: `malformed`.
 */
export function toLlmError(error: unknown, signal?: AbortSignal, now = Date.now()): LlmError {
  if (error instanceof LlmError) return error;
  if (error instanceof APIUserAbortError || signal?.aborted) return abortedError();
  if (error instanceof APIConnectionTimeoutError) return llmError('timeout', 'the Anthropic API did not answer in time');
  if (error instanceof APIConnectionError) return llmError('connection', `could not reach the Anthropic API: ${error.message}`);
  if (error instanceof APIError && error.status !== undefined) {
    const retryAfterMs = retryAfterMsFrom(error.headers, now);
    return llmError(kindOfStatus(error.status), `the Anthropic API answered ${error.status}: ${error.apiMessage ?? error.message}`, retryAfterMs);
  }
  if (error instanceof APIError && error.type) {
    return llmError(KIND_OF_ERROR_TYPE[error.type] ?? 'server', `the Anthropic API sent an error event: ${error.apiMessage ?? error.type}`);
  }
  if (isConnectionFailure(error)) return llmError('connection', 'the connection to the Anthropic API broke during the answer');
  const detail = error instanceof AnthropicError || error instanceof Error ? error.message : String(error);
  return new LlmError('malformed', `the Anthropic API's answer could not be read: ${detail}`, false);
}
