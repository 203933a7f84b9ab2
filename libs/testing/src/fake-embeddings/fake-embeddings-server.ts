import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeEmbedding } from './fake-embedding';
import type { ScriptedEmbeddingReply, ScriptedEmbeddings } from './scripted-embedding-reply';

export interface RecordedEmbeddingRequest {
  method: string;
  path: string;
  /** Lower-case header names, as Node gives them. */
  headers: Record<string, string>;
  /** The parsed JSON body (the raw text when it is not JSON). */
  body: unknown;
  receivedAt: number;
}

interface EmbeddingsBody {
  model?: unknown;
  input?: unknown;
  dimensions?: unknown;
}

export interface FakeEmbeddingsOptions {
  /** When set, a request without `Authorization: Bearer <apiKey>` gets a 401. */
  apiKey?: string;
  /** The vector length when the request names none. */
  defaultDimensions?: number;
}

const PATH = '/v1/embeddings';

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parsed(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function errorBody(status: number, message: string): unknown {
  const type = status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'server_error' : 'invalid_request_error';
  return { error: { message, type, param: null, code: null } };
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

/**
 * A local server speaking OpenAI's embeddings API (`POST /v1/embeddings` with `{model, input,
 * dimensions}` → `{data:[{index, embedding}], model, usage}`), so the remote provider is tested over
 * real HTTP. By default it answers deterministic vectors (`fakeEmbedding`); tests script faults in
 * order (HTTP errors with retry-after, wrong dimensions, slow or malformed answers, dropped
 * connections). Every request is recorded.
 */
export class FakeEmbeddingsServer {
  readonly requests: RecordedEmbeddingRequest[] = [];
  private readonly scripted: ScriptedEmbeddingReply[] = [];
  private readonly server: Server = createServer((request, response) => {
    this.handle(request, response).catch(() => response.destroy());
  });
  private port = 0;

  private constructor(private readonly options: FakeEmbeddingsOptions) {}

  /** Starts on a free loopback port. */
  static async start(options: FakeEmbeddingsOptions = {}): Promise<FakeEmbeddingsServer> {
    const fake = new FakeEmbeddingsServer(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** What to give the client as its base URL (`SIGIL_EMBEDDINGS_URL`). */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  /** Queues replies for the next requests, in order; after them, requests get well-formed answers. */
  script(replies: ScriptedEmbeddingReply[]): void {
    this.scripted.push(...replies);
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
    const recorded: RecordedEmbeddingRequest = {
      method: request.method ?? '',
      path: request.url ?? '',
      headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')])),
      body: parsed(raw),
      receivedAt: Date.now(),
    };
    this.requests.push(recorded);
    if (request.method !== 'POST' || recorded.path.split('?')[0] !== PATH) return sendJson(response, 404, errorBody(404, `no route ${request.method} ${recorded.path}`));
    if (this.options.apiKey !== undefined && recorded.headers.authorization !== `Bearer ${this.options.apiKey}`) {
      return sendJson(response, 401, errorBody(401, 'Incorrect API key provided.'));
    }
    const reply = this.scripted.shift() ?? {};
    if ('dropConnection' in reply) {
      request.socket.destroy();
      return;
    }
    await pause(reply.delayMs, response);
    if (response.destroyed) return;
    if ('status' in reply) {
      const retryAfter: Record<string, string> = reply.retryAfterS === undefined ? {} : { 'retry-after': String(reply.retryAfterS) };
      return sendJson(response, reply.status, errorBody(reply.status, reply.message ?? `fake error ${reply.status}`), retryAfter);
    }
    if ('malformed' in reply) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"object":"list","data":[');
      return;
    }
    const body = recorded.body as EmbeddingsBody;
    const inputs = typeof body.input === 'string' ? [body.input] : body.input;
    if (!Array.isArray(inputs) || inputs.length === 0 || !inputs.every((input) => typeof input === 'string')) {
      return sendJson(response, 400, errorBody(400, "'input' must be a string or a non-empty array of strings"));
    }
    sendJson(response, 200, this.answer(inputs, body, reply));
  }

  private answer(inputs: string[], body: EmbeddingsBody, reply: ScriptedEmbeddings): unknown {
    const dimensions = reply.dimensions ?? (typeof body.dimensions === 'number' ? body.dimensions : (this.options.defaultDimensions ?? 1536));
    const data = inputs.map((input, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(input, dimensions) }));
    const tokens = inputs.reduce((sum, input) => sum + Math.ceil(input.length / 4), 0);
    return {
      object: 'list',
      data: reply.reversed ? data.reverse() : data,
      model: typeof body.model === 'string' ? body.model : 'text-embedding-3-small',
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    };
  }
}
