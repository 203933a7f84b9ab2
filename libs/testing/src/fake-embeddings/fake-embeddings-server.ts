import type { IncomingMessage, ServerResponse } from 'node:http';
import { pause, readRequest, type RecordedHttpRequest, ScriptedFakeServer, sendJson } from '../fake-http/scripted-fake-server';
import { fakeEmbedding } from './fake-embedding';
import type { ScriptedEmbeddingReply, ScriptedEmbeddings } from './scripted-embedding-reply';

export type RecordedEmbeddingRequest = RecordedHttpRequest;

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

function errorBody(status: number, message: string): unknown {
  const type = status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'server_error' : 'invalid_request_error';
  return { error: { message, type, param: null, code: null } };
}

/**
 * A local server speaking OpenAI's embeddings API (`POST /v1/embeddings` with `{model, input,
 * dimensions}` → `{data:[{index, embedding}], model, usage}`), so the remote provider is tested over
 * real HTTP. By default it answers deterministic vectors (`fakeEmbedding`); tests script faults in
 * order (HTTP errors with retry-after, wrong dimensions, slow or malformed answers, dropped
 * connections). Every request is recorded.
 */
export class FakeEmbeddingsServer extends ScriptedFakeServer<ScriptedEmbeddingReply, RecordedEmbeddingRequest> {
  private constructor(private readonly options: FakeEmbeddingsOptions) {
    super();
  }

  /** Starts on a free loopback port. */
  static start(options: FakeEmbeddingsOptions = {}): Promise<FakeEmbeddingsServer> {
    return new FakeEmbeddingsServer(options).listen();
  }

  /** What to give the client as its base URL (`SIGIL_EMBEDDINGS_URL`). */
  get baseUrl(): string {
    return `${this.origin}/v1`;
  }

  protected async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { recorded } = await readRequest(request);
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
