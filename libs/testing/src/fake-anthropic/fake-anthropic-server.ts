import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorBody, formatEvent, messageBody, streamEvents, type AnswerUsage } from './message-events';
import type { ScriptedReply, ScriptedText, ScriptedToolUse } from './scripted-reply';

export interface RecordedRequest {
  method: string;
  path: string;
  /** Lower-case header names, as Node gives them. */
  headers: Record<string, string>;
  /** The parsed JSON body (the raw text when it is not JSON). */
  body: unknown;
  receivedAt: number;
  /** The connection closed before the answer was complete: the client aborted or timed out (or the script dropped or cut it). */
  closedEarly: boolean;
}

export type DefaultResponder = (request: RecordedRequest) => ScriptedReply;

const DEFAULT_MODEL = 'claude-sonnet-5-5';

function headersOf(request: IncomingMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
}

function parsed(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Resolves after `ms`, or as soon as the client has gone. */
function pause(ms: number | undefined, response: ServerResponse): Promise<void> {
  if (!ms || response.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      response.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    response.once('close', done);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/**
 * A local server that speaks the Anthropic Messages API (`POST /v1/messages`, JSON and SSE
 * streaming, tool use) so that tests drive the real `@anthropic-ai/sdk`. Tests script its replies
 * in order (answers, HTTP errors with retry-after, malformed bodies, dropped connections, slow or
 * cut streams); when the script is used up, the default responder answers. Every request is recorded.
 */
export class FakeAnthropicServer {
  readonly requests: RecordedRequest[] = [];
  private readonly scripted: ScriptedReply[] = [];
  private readonly server: Server = createServer((request, response) => {
    this.handle(request, response).catch(() => response.destroy());
  });
  private port = 0;

  private constructor(private defaultResponder: DefaultResponder) {}

  /** Starts on a free loopback port. */
  static async start(defaultResponder: DefaultResponder = () => ({ text: 'Hello from the fake Messages API.' })): Promise<FakeAnthropicServer> {
    const fake = new FakeAnthropicServer(defaultResponder);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** What to give the SDK as its base URL. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Queues replies for the next requests, in order. */
  script(replies: ScriptedReply[]): void {
    this.scripted.push(...replies);
  }

  respondByDefault(responder: DefaultResponder): void {
    this.defaultResponder = responder;
  }

  /** Scripted replies not used yet. */
  get pendingReplies(): number {
    return this.scripted.length;
  }

  /** Forgets the script and the recorded requests (between tests). */
  reset(): void {
    this.scripted.length = 0;
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const recorded: RecordedRequest = {
      method: request.method ?? '',
      path: request.url ?? '',
      headers: headersOf(request),
      body: parsed(raw),
      receivedAt: Date.now(),
      closedEarly: false,
    };
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
