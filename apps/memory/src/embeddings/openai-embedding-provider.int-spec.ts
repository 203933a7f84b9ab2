import { Secret } from '@sigil/llm';
import { fakeEmbedding, FakeEmbeddingsServer } from '@sigil/testing';
import { inspect } from 'node:util';
import { EmbeddingError } from './embedding-error';
import { EMBEDDING_DEFAULTS, type RemoteEmbeddingSettings } from './embedding-settings';
import { OpenAiCompatibleEmbeddingProvider } from './openai-embedding-provider';

const API_KEY = 'sk-test-never-logged-0123456789';
const DIMENSIONS = 384;

async function failureOf(call: Promise<unknown>): Promise<EmbeddingError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof EmbeddingError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}

describe('OpenAiCompatibleEmbeddingProvider against a fake OpenAI embeddings server', () => {
  let server: FakeEmbeddingsServer;
  let warnings: string[];

  const provider = (overrides: Partial<RemoteEmbeddingSettings> = {}) =>
    new OpenAiCompatibleEmbeddingProvider(
      { url: server.baseUrl, apiKey: new Secret(API_KEY), model: EMBEDDING_DEFAULTS.model, timeoutMs: 2_000, maxRetries: 3, backoffBaseMs: 20, backoffMaxMs: 2_000, ...overrides },
      DIMENSIONS,
      { warn: (message: unknown) => void warnings.push(String(message)) },
    );

  beforeAll(async () => {
    server = await FakeEmbeddingsServer.start({ apiKey: API_KEY });
  });

  afterAll(() => server.close());

  beforeEach(() => {
    server.reset();
    warnings = [];
  });

  it('given 200 texts, when embedding, then they go in batches of at most 96 with the key, model and dimensions, and come back in order', async () => {
    const texts = Array.from({ length: 200 }, (_, index) => `fact number ${index}`);

    const vectors = await provider().embed(texts);

    expect(server.requests.map((request) => (request.body as { input: string[] }).input.length)).toEqual([96, 96, 8]);
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/v1/embeddings', headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' } });
    expect(server.requests[0].body).toEqual({ model: 'text-embedding-3-small', input: texts.slice(0, 96), dimensions: DIMENSIONS });
    expect(vectors).toHaveLength(200);
    expect(vectors[0]).toEqual(Float32Array.from(fakeEmbedding('fact number 0', DIMENSIONS)));
    expect(vectors[199]).toEqual(Float32Array.from(fakeEmbedding('fact number 199', DIMENSIONS)));
  });

  it('given no texts, when embedding, then no request is made', async () => {
    await expect(provider().embed([])).resolves.toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('given data listed in reverse, when embedding, then each vector still belongs to its text', async () => {
    server.script([{ reversed: true }]);

    const [first, second] = await provider().embed(['alpha', 'beta']);

    expect(first).toEqual(Float32Array.from(fakeEmbedding('alpha', DIMENSIONS)));
    expect(second).toEqual(Float32Array.from(fakeEmbedding('beta', DIMENSIONS)));
  });

  it('given a 429 asking to retry after 1 s, when embedding, then the retry waits that long and succeeds', async () => {
    server.script([{ status: 429, retryAfterS: 1 }]);

    const vectors = await provider().embed(['rate limited']);

    expect(vectors).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].receivedAt - server.requests[0].receivedAt).toBeGreaterThanOrEqual(950);
    expect(warnings.join('\n')).toContain('rate_limited');
  });

  it('given a retry-after longer than the longest backoff, when embedding, then the call fails at once instead of waiting', async () => {
    server.script([{ status: 429, retryAfterS: 60 }]);

    const error = await failureOf(provider({ backoffMaxMs: 1_000 }).embed(['patience']));

    expect(error).toMatchObject({ failure: 'rate_limited' });
    expect(error.message).toContain('asked to wait 60000 ms');
    expect(server.requests).toHaveLength(1);
  });

  it('given two 500s, when embedding, then it retries and succeeds on the third attempt', async () => {
    server.script([{ status: 500 }, { status: 503 }]);

    await expect(provider().embed(['flaky'])).resolves.toHaveLength(1);
    expect(server.requests).toHaveLength(3);
  });

  it('given 500s beyond the retry budget, when embedding, then it gives up after 1 + maxRetries attempts with a server error', async () => {
    server.script([{ status: 500 }, { status: 500 }, { status: 500 }]);

    const error = await failureOf(provider({ maxRetries: 2 }).embed(['down']));

    expect(error).toMatchObject({ failure: 'server', retryable: true });
    expect(error.message).toBe('HTTP 500: fake error 500');
    expect(server.requests).toHaveLength(3);
  });

  it('given a model answering another length than configured, when embedding, then it is a wrong_dimensions error without retry', async () => {
    server.script([{ dimensions: 1536 }]);

    const error = await failureOf(provider().embed(['misconfigured']));

    expect(error).toMatchObject({ failure: 'wrong_dimensions', retryable: false });
    expect(error.message).toContain('1536 dimensions where 384 are configured');
    expect(server.requests).toHaveLength(1);
  });

  it('given a server slower than the timeout, when embedding, then the attempt is abandoned and the retry succeeds', async () => {
    server.script([{ delayMs: 5_000 }]);
    const started = Date.now();

    await expect(provider({ timeoutMs: 300 }).embed(['slow'])).resolves.toHaveLength(1);

    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(warnings.join('\n')).toContain('no answer within 300 ms');
  });

  it('given a server that is always slower than the timeout, when the retries are spent, then the error is a timeout', async () => {
    server.script([{ delayMs: 5_000 }, { delayMs: 5_000 }]);

    await expect(failureOf(provider({ timeoutMs: 200, maxRetries: 1 }).embed(['slow']))).resolves.toMatchObject({ failure: 'timeout' });
  });

  it('given a dropped connection, when embedding, then it is retried as a connection failure', async () => {
    server.script([{ dropConnection: true }]);

    await expect(provider().embed(['dropped'])).resolves.toHaveLength(1);
    expect(server.requests).toHaveLength(2);
    expect(warnings.join('\n')).toContain('connection');
  });

  it('given an answer that is not JSON, when embedding, then it fails as malformed without retry', async () => {
    server.script([{ malformed: true }]);

    await expect(failureOf(provider().embed(['garbled']))).resolves.toMatchObject({ failure: 'malformed' });
    expect(server.requests).toHaveLength(1);
  });

  it('given a wrong key, when embedding, then the 401 is not retried and neither the error nor the logs show a key', async () => {
    const wrongKey = 'sk-wrong-key-also-secret';

    const error = await failureOf(provider({ apiKey: new Secret(wrongKey) }).embed(['who am i']));

    expect(error).toMatchObject({ failure: 'rejected', retryable: false });
    expect(error.message).toBe('HTTP 401: Incorrect API key provided.');
    expect(server.requests).toHaveLength(1);
    expect(`${error.message} ${inspect(error)}`).not.toContain(wrongKey);
  });

  it('given retried failures, when the provider logs and is inspected, then the key appears nowhere', async () => {
    server.script([{ status: 500 }, { status: 429, retryAfterS: 0 }, { dropConnection: true }]);
    const subject = provider();

    await subject.embed(['logged']);

    expect(warnings).toHaveLength(3);
    expect(warnings.join('\n')).not.toContain(API_KEY);
    expect(inspect(subject, { depth: 5 })).not.toContain(API_KEY);
  });

  it('given the caller aborts during a backoff, when embedding, then it stops at once as aborted', async () => {
    server.script([{ status: 503, retryAfterS: 1 }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();

    const error = await failureOf(provider().embed(['cancelled'], { signal: controller.signal }));

    expect(error).toMatchObject({ failure: 'aborted', retryable: false });
    expect(Date.now() - started).toBeLessThan(900);
    expect(server.requests).toHaveLength(1);
  });
});
