import { FakeAnthropicServer } from '@sigil/testing';
import { AnthropicProvider } from './anthropic-provider';
import { LlmError, type LlmRequest } from './llm-types';
import type { ResilienceSettings } from './resilience-settings';
import { ResilientProvider } from './resilient-provider';
import { Secret } from './secret';

const request: LlmRequest = { system: 'You are terse.', messages: [{ role: 'user', content: 'Say hello.' }], maxOutputTokens: 100 };

/** Millisecond-scale timings, and limits far away unless a test tightens one. */
const fast: ResilienceSettings = {
  requestsPerMinute: 10_000,
  tokensPerMinute: 100_000_000,
  maxConcurrency: 4,
  maxQueue: 10,
  timeoutMs: 5_000,
  maxRetries: 3,
  backoffBaseMs: 1,
  backoffMaxMs: 5,
  circuitFailureThreshold: 50,
  circuitCoolDownMs: 200,
  rateWindowMs: 60_000,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function failure(call: Promise<unknown>): Promise<LlmError> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof LlmError)) throw new Error(`expected an LlmError, got ${String(error)}`);
  return error;
}

describe('ResilientProvider: retries, limits and the circuit breaker, on the real SDK against a fake Messages API', () => {
  let server: FakeAnthropicServer;

  const resilient = (settings: Partial<ResilienceSettings> = {}) =>
    new ResilientProvider(new AnthropicProvider({ apiKey: new Secret('sk-ant-test-key'), baseUrl: server.baseUrl, model: 'claude-sonnet-5-5' }), { ...fast, ...settings });

  beforeAll(async () => {
    server = await FakeAnthropicServer.start(() => ({ text: 'fine' }));
  });

  afterAll(() => server.close());
  beforeEach(() => server.reset());

  it('given a 429 with retry-after, when completing, then it waits that long, retries and succeeds', async () => {
    server.script([{ status: 429, retryAfterS: 0.3 }, { text: 'after the wait' }]);

    const response = await resilient().complete(request);

    expect(response.text).toBe('after the wait');
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].receivedAt - server.requests[0].receivedAt).toBeGreaterThanOrEqual(295);
  });

  it('given 529s, when completing, then it retries with backoff until an answer comes', async () => {
    server.script([{ status: 529 }, { status: 529 }, { text: 'third time' }]);
    await expect(resilient().complete(request)).resolves.toMatchObject({ text: 'third time' });
    expect(server.requests).toHaveLength(3);
  });

  it('given a dropped connection, when completing, then it retries', async () => {
    server.script([{ dropConnection: true }, { text: 'reconnected' }]);
    await expect(resilient().complete(request)).resolves.toMatchObject({ text: 'reconnected' });
    expect(server.requests).toHaveLength(2);
  });

  it('given a malformed answer, when completing, then it fails as malformed at once and is not retried', async () => {
    server.script([{ malformed: true }, { text: 'never asked for' }]);
    const error = await failure(resilient().complete(request));
    expect(error).toMatchObject({ kind: 'malformed', retryable: false, attempts: 1 });
    expect(server.requests).toHaveLength(1);
    expect(server.pendingReplies).toBe(1);
  });

  it('given 5xx on every attempt, when retries run out, then the final error is server with the attempt count', async () => {
    server.script([{ status: 500 }, { status: 502 }, { status: 503 }, { text: 'too late' }]);
    const error = await failure(resilient({ maxRetries: 2 }).complete(request));
    expect(error).toMatchObject({ kind: 'server', retryable: true, attempts: 3 });
    expect(error.message).toContain('after 3 attempts');
    expect(server.requests).toHaveLength(3);
  });

  it('given an invalid request, when completing, then it is not retried', async () => {
    server.script([{ status: 400 }, { text: 'never asked for' }]);
    await expect(resilient().complete(request)).rejects.toMatchObject({ kind: 'invalid_request', attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('given repeated failures, when the threshold is reached, then the circuit opens, rejects at once, and closes after a successful trial', async () => {
    const provider = resilient({ maxRetries: 0, circuitFailureThreshold: 3, circuitCoolDownMs: 300 });
    server.script([{ status: 500 }, { status: 500 }, { status: 500 }]);
    for (let i = 0; i < 3; i++) await expect(provider.complete(request)).rejects.toMatchObject({ kind: 'server' });
    expect(provider.metrics().circuit).toBe('open');

    const started = performance.now();
    const rejected = await failure(provider.complete(request));
    expect(performance.now() - started).toBeLessThan(50);
    expect(rejected).toMatchObject({ kind: 'circuit_open', retryable: true });
    expect(rejected.retryAfterMs).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(3);

    await sleep(310);
    expect(provider.metrics().circuit).toBe('half_open');
    await expect(provider.complete(request)).resolves.toMatchObject({ text: 'fine' });
    expect(provider.metrics().circuit).toBe('closed');
    expect(server.requests).toHaveLength(4);
  });

  it('given an open circuit and slots held by calls waiting for the rate limits, when a call comes, then it is rejected at once, and so are the waiters when their turn comes', async () => {
    // One request per 600 ms: the second call waits for the bucket while the first opens the circuit.
    const provider = resilient({ maxConcurrency: 2, requestsPerMinute: 1, rateWindowMs: 600, maxRetries: 0, circuitFailureThreshold: 1, circuitCoolDownMs: 5_000 });
    server.script([{ status: 500 }]);
    const opening = provider.complete(request);
    const waitingForTheLimit = provider.complete(request);
    await expect(opening).rejects.toMatchObject({ kind: 'server' });
    expect(provider.metrics()).toMatchObject({ circuit: 'open', inFlight: 1 });

    const started = performance.now();
    await expect(provider.complete(request)).rejects.toMatchObject({ kind: 'circuit_open', attempts: 0 });
    expect(performance.now() - started).toBeLessThan(50);

    await expect(waitingForTheLimit).rejects.toMatchObject({ kind: 'circuit_open', attempts: 0 });
    expect(server.requests).toHaveLength(1);
  });

  it('given text already streamed, when the stream then fails, then the failure is final and no text is repeated', async () => {
    server.script([{ text: 'partial answer', chunks: ['partial', ' answer'], errorAfterChunks: 1 }, { text: 'a second answer' }]);
    const chunks: string[] = [];
    const error = await failure(resilient().complete(request, { onText: (chunk) => chunks.push(chunk) }));
    expect(error).toMatchObject({ kind: 'overloaded', attempts: 1 });
    expect(chunks).toEqual(['partial']);
    expect(server.requests).toHaveLength(1);
  });

  it('given a stream that fails before any text, when completing, then it is retried and the text streams once', async () => {
    server.script([{ status: 529 }, { text: 'whole answer', chunks: ['whole', ' answer'] }]);
    const chunks: string[] = [];
    await expect(resilient().complete(request, { onText: (chunk) => chunks.push(chunk) })).resolves.toMatchObject({ text: 'whole answer' });
    expect(chunks).toEqual(['whole', ' answer']);
  });

  it('given the caller aborts mid-stream, when completing, then it rejects with aborted and is not retried', async () => {
    server.script([{ text: 'one two three four', chunkDelayMs: 100 }]);
    const controller = new AbortController();
    const chunks: string[] = [];
    const call = resilient().complete(request, {
      signal: controller.signal,
      onText: (chunk) => {
        chunks.push(chunk);
        controller.abort();
      },
    });
    await expect(call).rejects.toMatchObject({ kind: 'aborted' });
    expect(chunks).toEqual(['one ']);
    expect(server.requests).toHaveLength(1);
  });

  it('given an answer slower than the timeout, when completing, then the attempt times out and the retry answers', async () => {
    server.script([{ text: 'too slow', delayMs: 2_000 }, { text: 'in time' }]);
    await expect(resilient({ timeoutMs: 200, maxRetries: 1 }).complete(request)).resolves.toMatchObject({ text: 'in time' });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0].closedEarly).toBe(true);
  });

  it('given an answer slower than the timeout and no retries, when completing, then it fails with timeout', async () => {
    server.script([{ text: 'too slow', delayMs: 2_000 }]);
    const started = performance.now();
    await expect(resilient({ timeoutMs: 200, maxRetries: 0 }).complete(request, { onText: () => undefined })).rejects.toMatchObject({ kind: 'timeout', attempts: 1 });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('given 3 requests a minute, when 4 calls come at once, then 3 go at once and the 4th waits for the bucket to refill', async () => {
    // The minute is shortened to 600 ms: one request comes back every 200 ms.
    const provider = resilient({ requestsPerMinute: 3, rateWindowMs: 600 });
    const started = Date.now();
    const calls = [1, 2, 3, 4].map(() => provider.complete(request));

    await sleep(120);
    expect(server.requests.length).toBeLessThanOrEqual(3);
    await Promise.all(calls);
    expect(server.requests).toHaveLength(4);
    const arrivals = server.requests.map((sent) => sent.receivedAt - started).sort((a, b) => a - b);
    expect(arrivals[3]).toBeGreaterThanOrEqual(195);
  });

  it('given a busy slot and a full line, when one more call comes, then it is refused at once with queue_full', async () => {
    const provider = resilient({ maxConcurrency: 1, maxQueue: 1 });
    server.script([{ text: 'slow', delayMs: 300 }]);
    const running = provider.complete(request);
    const waiting = provider.complete(request);
    await sleep(20);
    expect(provider.metrics()).toMatchObject({ inFlight: 1, queued: 1 });

    const started = performance.now();
    await expect(provider.complete(request)).rejects.toMatchObject({ kind: 'queue_full' });
    expect(performance.now() - started).toBeLessThan(50);

    await expect(Promise.all([running, waiting])).resolves.toMatchObject([{ text: 'slow' }, { text: 'fine' }]);
    expect(server.requests).toHaveLength(2);
  });

  it('given answers from priced and unpriced models, when completed, then each response has its cost and the ledger totals by model', async () => {
    const provider = resilient();
    server.script([
      { text: 'a', inputTokens: 1_000, outputTokens: 500 },
      { text: 'b', inputTokens: 1_000, outputTokens: 500 },
      { text: 'c', inputTokens: 10, outputTokens: 10, model: 'claude-imaginary-9' },
    ]);
    const responses = [await provider.complete(request), await provider.complete(request), await provider.complete(request)];

    const perCall = (1_000 * 2 + 500 * 10) / 1_000_000;
    expect(responses.map((response) => response.costUsd)).toEqual([perCall, perCall, 0]);
    expect(provider.costs.byModel()).toEqual([
      { model: 'claude-imaginary-9', calls: 1, inputTokens: 10, outputTokens: 10, costUsd: 0, priced: false },
      { model: 'claude-sonnet-5-5', calls: 2, inputTokens: 2_000, outputTokens: 1_000, costUsd: 2 * perCall, priced: true },
    ]);
  });
});
