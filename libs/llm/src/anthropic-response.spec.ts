import { toLlmResponse } from './anthropic-response';

const message = {
  id: 'msg_1',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-5-5',
  content: [
    { type: 'text', text: 'Let me ', citations: null },
    { type: 'text', text: 'check.', citations: null },
    { type: 'tool_use', id: 'toolu_1', name: 'memory_search', input: { query: 'cats' }, caller: { type: 'direct' } },
  ],
  stop_reason: 'tool_use',
  stop_sequence: null,
  usage: { input_tokens: 1_000, output_tokens: 200 },
};

describe('Anthropic response mapping', () => {
  it('given a message with text and tool use, when mapped, then text joins, tool uses, usage and cost come through', () => {
    expect(toLlmResponse(message)).toEqual({
      text: 'Let me check.',
      toolUses: [{ id: 'toolu_1', name: 'memory_search', input: { query: 'cats' } }],
      inputTokens: 1_000,
      outputTokens: 200,
      model: 'claude-sonnet-5-5',
      stopReason: 'tool_use',
      costUsd: (1_000 * 2 + 200 * 10) / 1_000_000,
    });
  });

  it('given a stop reason the neutral shape does not know, when mapped, then it is other', () => {
    expect(toLlmResponse({ ...message, stop_reason: 'refusal' }).stopReason).toBe('other');
  });

  it('given an unpriced model, when mapped, then the cost is 0', () => {
    expect(toLlmResponse({ ...message, model: 'claude-imaginary-9' }).costUsd).toBe(0);
  });

  it.each([
    ['a string', 'event: message_start'],
    ['no content', { ...message, content: undefined }],
    ['no usage', { ...message, usage: undefined }],
    ['usage without output tokens', { ...message, usage: { input_tokens: 1 } }],
    ['no model', { ...message, model: 7 }],
    ['a tool use without input', { ...message, content: [{ type: 'tool_use', id: 'x', name: 'y' }] }],
  ])('given %s, when mapped, then it is malformed and not retryable', (_case, body) => {
    expect(() => toLlmResponse(body)).toThrow(expect.objectContaining({ kind: 'malformed', retryable: false }));
  });
});
