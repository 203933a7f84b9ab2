import type { LlmRequest } from './llm-types';
import { LocalProvider } from './local-provider';
import { estimateRequestTokens } from './token-estimate';

const request: LlmRequest = { system: 'You are terse.', messages: [{ role: 'user', content: 'Say hello to the world, please.' }], maxOutputTokens: 100 };
const echo = (r: LlmRequest) => ({ text: `answer to: ${String(r.messages.at(-1)?.content)}` });

describe('local provider', () => {
  it('given a request, when completed, then the answer comes back with estimated usage, the local model name and no cost', async () => {
    const response = await new LocalProvider(echo).complete(request);
    expect(response).toEqual({
      text: 'answer to: Say hello to the world, please.',
      toolUses: [],
      inputTokens: estimateRequestTokens(request),
      outputTokens: Math.ceil('answer to: Say hello to the world, please.'.length / 4),
      model: 'sigil-local-deterministic',
      stopReason: 'end_turn',
      costUsd: 0,
    });
  });

  it('given the same request twice, when completed, then the answers are identical', async () => {
    const provider = new LocalProvider(echo);
    expect(await provider.complete(request)).toEqual(await provider.complete(request));
  });

  it('given a text listener, when completed, then the text streams in a few chunks, in order', async () => {
    const chunks: string[] = [];
    const response = await new LocalProvider(echo).complete(request, { onText: (chunk) => chunks.push(chunk) });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.length).toBeLessThanOrEqual(4);
    expect(chunks.join('')).toBe(response.text);
  });

  it('given a long answer, when completed, then it is cut to max output tokens and says so', async () => {
    const response = await new LocalProvider(() => ({ text: 'x'.repeat(100) })).complete({ ...request, maxOutputTokens: 5 });
    expect(response).toMatchObject({ text: 'x'.repeat(20), outputTokens: 5, stopReason: 'max_tokens' });
  });

  it('given tool uses in the answer, when completed, then they are returned and the stop reason is tool_use', async () => {
    const toolUse = { id: 'local_1', name: 'memory_search', input: { query: 'cats' } };
    const response = await new LocalProvider(() => ({ text: 'Let me look.', toolUses: [toolUse] })).complete(request);
    expect(response).toMatchObject({ toolUses: [toolUse], stopReason: 'tool_use' });
  });

  it('given an aborted signal, when completed, then it rejects with aborted and streams nothing', async () => {
    const chunks: string[] = [];
    const controller = new AbortController();
    controller.abort();
    await expect(new LocalProvider(echo).complete(request, { signal: controller.signal, onText: (c) => chunks.push(c) })).rejects.toMatchObject({ kind: 'aborted' });
    expect(chunks).toEqual([]);
  });

  it('given an abort from the first chunk, when streaming, then no more text comes and it rejects with aborted', async () => {
    const chunks: string[] = [];
    const controller = new AbortController();
    const onText = (chunk: string) => {
      chunks.push(chunk);
      controller.abort();
    };
    await expect(new LocalProvider(echo).complete(request, { signal: controller.signal, onText })).rejects.toMatchObject({ kind: 'aborted' });
    expect(chunks).toHaveLength(1);
  });

  it('given a long simulated latency, when aborted while waiting, then it rejects at once', async () => {
    const controller = new AbortController();
    const call = new LocalProvider(echo, { latencyMs: 60_000 }).complete(request, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('given a simulated latency, when completed, then the answer takes at least that long', async () => {
    const started = performance.now();
    await new LocalProvider(echo, { latencyMs: 20 }).complete(request);
    expect(performance.now() - started).toBeGreaterThanOrEqual(19);
  });
});
