import { FakeAnthropicServer } from '@sigil/testing';
import { AnthropicProvider } from './anthropic-provider';
import type { LlmRequest } from './llm-types';
import { Secret } from './secret';

const request: LlmRequest = {
  system: 'You are terse.',
  messages: [{ role: 'user', content: 'Say hello.' }],
  maxOutputTokens: 256,
  temperature: 0.7,
  stopSequences: ['END'],
};

describe('AnthropicProvider: the real SDK against a fake Messages API', () => {
  let server: FakeAnthropicServer;
  let provider: AnthropicProvider;

  beforeAll(async () => {
    server = await FakeAnthropicServer.start();
    provider = new AnthropicProvider({ apiKey: new Secret('sk-ant-test-key'), baseUrl: server.baseUrl, model: 'claude-sonnet-5-5' });
  });

  afterAll(() => server.close());
  beforeEach(() => server.reset());

  it('given no text listener, when completing, then one JSON call carries the key, version and body, and the answer and usage come back', async () => {
    server.script([{ text: 'Hello.', inputTokens: 40, outputTokens: 2 }]);

    const response = await provider.complete(request);

    expect(response).toEqual({
      text: 'Hello.',
      toolUses: [],
      inputTokens: 40,
      outputTokens: 2,
      model: 'claude-sonnet-5-5',
      stopReason: 'end_turn',
      costUsd: (40 * 2 + 2 * 10) / 1_000_000,
    });
    expect(server.requests).toHaveLength(1);
    const [sent] = server.requests;
    expect(sent.headers.authorization).toBe('Bearer sk-ant-test-key');
    expect(sent.headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(sent.body).toEqual({
      model: 'claude-sonnet-5-5',
      max_tokens: 256,
      system: 'You are terse.',
      messages: [{ role: 'user', content: 'Say hello.' }],
      stop_sequences: ['END'],
    });
  });

  it('given a text listener, when completing, then the call streams and the deltas arrive in order, then the usage from the final message', async () => {
    server.script([{ text: 'Hello streaming world', chunks: ['Hello', ' streaming', ' world'], inputTokens: 12, outputTokens: 5 }]);
    const chunks: string[] = [];

    const response = await provider.complete(request, { onText: (chunk) => chunks.push(chunk) });

    expect(chunks).toEqual(['Hello', ' streaming', ' world']);
    expect(response).toMatchObject({ text: 'Hello streaming world', inputTokens: 12, outputTokens: 5, stopReason: 'end_turn' });
    expect(server.requests[0].body).toMatchObject({ stream: true });
  });

  it('given tools, when the model asks for one and gets its result, then both turns carry the tool blocks (JSON and streamed)', async () => {
    const tools = [{ name: 'memory_search', description: 'Searches memory.', inputSchema: { type: 'object', properties: { query: { type: 'string' } } } }];
    server.script([
      { text: 'Let me look.', toolUse: { id: 'toolu_7', name: 'memory_search', input: { query: 'cats', limit: 3 } } },
      { text: 'There are no cats.' },
    ]);

    const first = await provider.complete({ ...request, tools }, { onText: () => undefined });
    expect(first).toMatchObject({ text: 'Let me look.', stopReason: 'tool_use', toolUses: [{ id: 'toolu_7', name: 'memory_search', input: { query: 'cats', limit: 3 } }] });

    const second = await provider.complete({
      ...request,
      tools,
      messages: [
        ...request.messages,
        { role: 'assistant', content: [{ type: 'text', text: first.text }, ...first.toolUses.map((use) => ({ type: 'tool_use' as const, ...use }))] },
        { role: 'user', content: [{ type: 'tool_result', toolUseId: 'toolu_7', content: '[]' }] },
      ],
    });
    expect(second.text).toBe('There are no cats.');

    expect(server.requests[0].body).toMatchObject({ tools: [{ name: 'memory_search', input_schema: { type: 'object' } }] });
    expect(server.requests[1].body).toMatchObject({
      messages: [
        { role: 'user', content: 'Say hello.' },
        { role: 'assistant', content: [{ type: 'text', text: 'Let me look.' }, { type: 'tool_use', id: 'toolu_7', name: 'memory_search', input: { query: 'cats', limit: 3 } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_7', content: '[]' }] },
      ],
    });
  });

  it.each([
    [{ status: 429, retryAfterS: 2 }, { kind: 'rate_limited', retryable: true, retryAfterMs: 2_000 }],
    [{ status: 529 }, { kind: 'overloaded', retryable: true }],
    [{ status: 500 }, { kind: 'server', retryable: true }],
    [{ status: 503 }, { kind: 'server', retryable: true }],
    [{ status: 400 }, { kind: 'invalid_request', retryable: false }],
    [{ status: 413 }, { kind: 'invalid_request', retryable: false }],
    [{ status: 401 }, { kind: 'auth', retryable: false }],
    [{ status: 403 }, { kind: 'auth', retryable: false }],
    [{ malformed: true as const }, { kind: 'malformed', retryable: false }],
    [{ dropConnection: true as const }, { kind: 'connection', retryable: true }],
  ])('given the API answers %j, when completing (JSON and streamed), then the error is %j', async (reply, expected) => {
    server.script([reply, reply]);
    await expect(provider.complete(request)).rejects.toMatchObject(expected);
    await expect(provider.complete(request, { onText: () => undefined })).rejects.toMatchObject(expected);
    expect(server.requests).toHaveLength(2);
  });

  it('given an overloaded error event in the middle of a stream, when completing, then it is overloaded, after the text that came first', async () => {
    server.script([{ text: 'partial answer', chunks: ['partial', ' answer'], errorAfterChunks: 1 }]);
    const chunks: string[] = [];
    await expect(provider.complete(request, { onText: (chunk) => chunks.push(chunk) })).rejects.toMatchObject({ kind: 'overloaded' });
    expect(chunks).toEqual(['partial']);
  });

  it('given the connection is cut mid-stream, when completing, then it is a connection error', async () => {
    server.script([{ text: 'partial answer', chunks: ['partial', ' answer'], cutAfterChunks: 1 }]);
    await expect(provider.complete(request, { onText: () => undefined })).rejects.toMatchObject({ kind: 'connection' });
  });

  it('given a slow stream, when the caller aborts after the first delta, then it rejects with aborted, no more text comes and the connection is closed', async () => {
    server.script([{ text: 'one two three four', chunkDelayMs: 100 }]);
    const controller = new AbortController();
    const chunks: string[] = [];
    const call = provider.complete(request, {
      signal: controller.signal,
      onText: (chunk) => {
        chunks.push(chunk);
        controller.abort();
      },
    });

    await expect(call).rejects.toMatchObject({ kind: 'aborted' });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(chunks).toEqual(['one ']);
    expect(server.requests[0].closedEarly).toBe(true);
  });
});
