import { AnthropicError, APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { toLlmError } from './anthropic-errors';
import { LlmError } from './llm-types';

const now = Date.parse('2026-11-20T10:00:00Z');

function statusError(status: number, headers: Record<string, string> = {}, type = 'api_error'): APIError {
  return APIError.generate(status, { type: 'error', error: { type, message: `status ${status}` } }, undefined, new Headers(headers));
}

describe('Anthropic error mapping', () => {
  it('given a 429 with retry-after, when mapped, then it is rate_limited, retryable, with the wait in milliseconds', () => {
    expect(toLlmError(statusError(429, { 'retry-after': '3' }, 'rate_limit_error'), undefined, now)).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 3_000 });
  });

  it('given a 529, when mapped, then it is overloaded and retryable', () => {
    expect(toLlmError(statusError(529, {}, 'overloaded_error'))).toMatchObject({ kind: 'overloaded', retryable: true });
  });

  it.each([500, 502, 503, 504])('given a %i, when mapped, then it is a retryable server error', (status) => {
    expect(toLlmError(statusError(status))).toMatchObject({ kind: 'server', retryable: true });
  });

  it.each([400, 404, 413, 422])('given a %i, when mapped, then it is an invalid request, not retryable', (status) => {
    expect(toLlmError(statusError(status, {}, 'invalid_request_error'))).toMatchObject({ kind: 'invalid_request', retryable: false });
  });

  it.each([401, 403])('given a %i, when mapped, then it is auth, not retryable', (status) => {
    expect(toLlmError(statusError(status, {}, 'authentication_error'))).toMatchObject({ kind: 'auth', retryable: false });
  });

  it('given a timeout from the SDK, when mapped, then it is a retryable timeout', () => {
    expect(toLlmError(new APIConnectionTimeoutError())).toMatchObject({ kind: 'timeout', retryable: true });
  });

  it('given a connection failure, when mapped, then it is a retryable connection error', () => {
    expect(toLlmError(new APIConnectionError({ cause: new Error('ECONNREFUSED') }))).toMatchObject({ kind: 'connection', retryable: true });
  });

  it('given a stream cut mid-body, when mapped, then it is a connection error', () => {
    const cut = new AnthropicError('terminated', { cause: new TypeError('terminated') });
    expect(toLlmError(cut)).toMatchObject({ kind: 'connection' });
    expect(toLlmError(new AnthropicError('TypeError: terminated'))).toMatchObject({ kind: 'connection', retryable: true });
    const reset = new AnthropicError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    expect(toLlmError(reset)).toMatchObject({ kind: 'connection' });
  });

  it('given an overloaded error event inside a stream, when mapped, then it is overloaded', () => {
    const event = new APIError(undefined, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, undefined, new Headers(), 'overloaded_error');
    expect(toLlmError(event)).toMatchObject({ kind: 'overloaded', retryable: true });
  });

  it('given the caller aborted, when mapped, then it is aborted whatever the SDK threw', () => {
    const controller = new AbortController();
    controller.abort();
    expect(toLlmError(new APIUserAbortError())).toMatchObject({ kind: 'aborted', retryable: false });
    expect(toLlmError(new APIConnectionError({}), controller.signal)).toMatchObject({ kind: 'aborted' });
  });

  it('given unparseable data, when mapped, then it is malformed and not retryable', () => {
    expect(toLlmError(new SyntaxError('Unexpected token'))).toMatchObject({ kind: 'malformed', retryable: false });
    expect(toLlmError(new AnthropicError('stream ended without producing a Message with role=assistant'))).toMatchObject({ kind: 'malformed' });
  });

  it('given an LlmError, when mapped, then it is kept', () => {
    const error = new LlmError('malformed', 'no usage', false);
    expect(toLlmError(error)).toBe(error);
  });
});
