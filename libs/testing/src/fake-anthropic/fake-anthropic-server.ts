import type { IncomingMessage, ServerResponse } from 'node:http';
import { pause, readRequest, type RecordedHttpRequest, ScriptedFakeServer, sendJson } from '../fake-http/scripted-fake-server';
import { errorBody, formatEvent, messageBody, streamEvents, type AnswerUsage } from './message-events';
import type { ScriptedReply, ScriptedText, ScriptedToolUse } from './scripted-reply';

export interface RecordedRequest extends RecordedHttpRequest {
  /** The connection closed before the answer was complete: the client aborted or timed out (or the script dropped or cut it). */
  closedEarly: boolean;
}

export type DefaultResponder = (request: RecordedRequest) => ScriptedReply;

const DEFAULT_MODEL = 'claude-sonnet-5-5';

/**
 * A local server that speaks the Anthropic Messages API (`POST /v1/messages`, JSON and SSE
 * streaming, tool use) so that tests drive the real `@anthropic-ai/sdk`. Tests script its replies
 * in order (answers, HTTP errors with retry-after, malformed bodies, dropped connections, slow or
 * cut streams); when the script is used up, the default responder answers. Every request is recorded.
 */
export class FakeAnthropicServer extends ScriptedFakeServer<ScriptedReply, RecordedRequest> {
  private constructor(private defaultResponder: DefaultResponder) {
    super();
  }

  /** Starts on a free loopback port. */
  static start(defaultResponder: DefaultResponder = () => ({ text: 'Hello from the fake Messages API.' })): Promise<FakeAnthropicServer> {
    return new FakeAnthropicServer(defaultResponder).listen();
  }

  /** What to give the SDK as its base URL. */
  get baseUrl(): string {
    return this.origin;
  }

  respondByDefault(responder: DefaultResponder): void {
    this.defaultResponder = responder;
  }

  protected async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { recorded: seen, raw } = await readRequest(request);
    const recorded: RecordedRequest = { ...seen, closedEarly: false };
    this.requests.push(recorded);
    response.once('close', () => (recorded.closedEarly = !response.writableFinished));
    const requestId = `req_fake_${this.requests.length}`;
    if (request.method !== 'POST' || recorded.path.split('?')[0] !== '/v1/messages') {
      return sendJson(response, 404, errorBody({ status: 404, message: `no route ${request.method} ${recorded.path}` }, requestId));
    }
    const reply = this.scripted.shift() ?? this.defaultResponder(recorded);
    if ('dropConnection' in reply) {
      request.socket.destroy();
      return;
    }
    await pause(reply.delayMs, response);
    if (response.destroyed) return;
    const streaming = (recorded.body as { stream?: unknown } | undefined)?.stream === true;
    if ('status' in reply) {
      const retryAfter: Record<string, string> = reply.retryAfterS === undefined ? {} : { 'retry-after': String(reply.retryAfterS) };
      return sendJson(response, reply.status, errorBody(reply, requestId), { 'request-id': requestId, ...retryAfter });
    }
    if ('malformed' in reply) {
      response.writeHead(200, { 'content-type': streaming ? 'text/event-stream' : 'application/json', 'request-id': requestId });
      response.end(streaming ? 'event: message_start\ndata: {"type":"message_start","message":{\n\n' : '{"type":"message","content":[');
      return;
    }
    const usage: AnswerUsage = {
      model: reply.model ?? String((recorded.body as { model?: unknown }).model ?? DEFAULT_MODEL),
      messageId: `msg_fake_${this.requests.length}`,
      inputTokens: reply.inputTokens ?? Math.ceil(raw.length / 4),
      outputTokens: reply.outputTokens ?? Math.max(1, Math.ceil(((reply.text ?? '') + ('toolUse' in reply ? JSON.stringify(reply.toolUse.input) : '')).length / 4)),
    };
    if (!streaming) return sendJson(response, 200, messageBody(reply, usage), { 'request-id': requestId });
    await this.stream(reply, usage, requestId, response);
  }

  private async stream(reply: ScriptedText | ScriptedToolUse, usage: AnswerUsage, requestId: string, response: ServerResponse): Promise<void> {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'request-id': requestId });
    response.flushHeaders();
    const { errorAfterChunks, cutAfterChunks } = 'toolUse' in reply ? {} : reply;
    let textDeltas = 0;
    for (const event of streamEvents(reply, usage)) {
      const isTextDelta = event.event === 'content_block_delta' && (event.data as { delta: { type: string } }).delta.type === 'text_delta';
      if (isTextDelta) {
        if (textDeltas === errorAfterChunks) {
          response.end(formatEvent({ event: 'error', data: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } }));
          return;
        }
        if (textDeltas === cutAfterChunks) {
          response.socket?.destroy();
          return;
        }
        await pause(reply.chunkDelayMs, response);
        if (response.destroyed) return;
        textDeltas += 1;
      }
      response.write(formatEvent(event));
    }
    response.end();
  }
}
