import type { ScriptedError, ScriptedText, ScriptedToolUse } from './scripted-reply';

export interface ServerSentEvent {
  event: string;
  data: unknown;
}

export interface AnswerUsage {
  model: string;
  messageId: string;
  inputTokens: number;
  outputTokens: number;
}

const ERROR_TYPES: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

export function errorTypeOf(status: number): string {
  return ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
}

/** The Messages API's error body. */
export function errorBody(reply: ScriptedError, requestId: string): unknown {
  const type = reply.errorType ?? errorTypeOf(reply.status);
  return { type: 'error', error: { type, message: reply.message ?? `fake ${type}` }, request_id: requestId };
}

type Answer = ScriptedText | ScriptedToolUse;

function toolUseBlock(reply: ScriptedToolUse, messageId: string) {
  return { type: 'tool_use', id: reply.toolUse.id ?? `toolu_${messageId}`, name: reply.toolUse.name, input: reply.toolUse.input, caller: { type: 'direct' } };
}

function stopReasonOf(reply: Answer): string {
  return 'toolUse' in reply ? 'tool_use' : (reply.stopReason ?? 'end_turn');
}

function usageOf(inputTokens: number, outputTokens: number) {
  return { input_tokens: inputTokens, output_tokens: outputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, service_tier: 'standard' };
}

/** A complete message, as `POST /v1/messages` returns it without streaming. */
export function messageBody(reply: Answer, usage: AnswerUsage): unknown {
  const content: unknown[] = reply.text ? [{ type: 'text', text: reply.text, citations: null }] : [];
  if ('toolUse' in reply) content.push(toolUseBlock(reply, usage.messageId));
  return {
    id: usage.messageId,
    type: 'message',
    role: 'assistant',
    model: usage.model,
    content,
    stop_reason: stopReasonOf(reply),
    stop_sequence: null,
    stop_details: null,
    container: null,
    diagnostics: null,
    usage: usageOf(usage.inputTokens, usage.outputTokens),
  };
}

/** The text deltas a reply streams: its own chunks, or word by word. */
export function textChunksOf(reply: Answer): string[] {
  if (!reply.text) return [];
  if ('chunks' in reply && reply.chunks) return reply.chunks;
  return reply.text.match(/\S+\s*|\s+/g) ?? [];
}

/**
 * The event sequence the Messages API streams: message_start, per content block
 * content_block_start / content_block_delta... / content_block_stop, message_delta (stop reason and
 * output usage), message_stop. A ping follows the first block's start, as the API sends one.
 */
export function streamEvents(reply: Answer, usage: AnswerUsage): ServerSentEvent[] {
  const start = { ...(messageBody(reply, usage) as Record<string, unknown>), content: [], stop_reason: null, usage: usageOf(usage.inputTokens, 1) };
  const events: ServerSentEvent[] = [{ event: 'message_start', data: { type: 'message_start', message: start } }];
  let index = 0;
  if (reply.text) {
    events.push({ event: 'content_block_start', data: { type: 'content_block_start', index, content_block: { type: 'text', text: '', citations: null } } });
    events.push({ event: 'ping', data: { type: 'ping' } });
    for (const text of textChunksOf(reply)) {
      events.push({ event: 'content_block_delta', data: { type: 'content_block_delta', index, delta: { type: 'text_delta', text } } });
    }
    events.push({ event: 'content_block_stop', data: { type: 'content_block_stop', index } });
    index += 1;
  }
  if ('toolUse' in reply) {
    const json = JSON.stringify(reply.toolUse.input);
    const half = Math.ceil(json.length / 2);
    events.push({ event: 'content_block_start', data: { type: 'content_block_start', index, content_block: { ...toolUseBlock(reply, usage.messageId), input: {} } } });
    for (const partial of [json.slice(0, half), json.slice(half)]) {
      events.push({ event: 'content_block_delta', data: { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: partial } } });
    }
    events.push({ event: 'content_block_stop', data: { type: 'content_block_stop', index } });
  }
  events.push({
    event: 'message_delta',
    data: { type: 'message_delta', delta: { stop_reason: stopReasonOf(reply), stop_sequence: null, stop_details: null }, usage: { output_tokens: usage.outputTokens } },
  });
  events.push({ event: 'message_stop', data: { type: 'message_stop' } });
  return events;
}

export function formatEvent({ event, data }: ServerSentEvent): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
