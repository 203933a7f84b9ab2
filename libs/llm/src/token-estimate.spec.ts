import type { LlmRequest } from './llm-types';
import { estimateRequestTokens, estimateTokens } from './token-estimate';

describe('token estimates', () => {
  it('given text, when estimated, then it is four characters a token, rounded up', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('abcd')).toBe(1);
    expect(estimateTokens('abcde')).toBe(2);
  });

  it('given a request, when estimated, then the system prompt, every message block and the tool definitions count', () => {
    const request: LlmRequest = {
      system: 's'.repeat(8),
      messages: [
        { role: 'user', content: 'u'.repeat(8) },
        { role: 'assistant', content: [{ type: 'text', text: 't'.repeat(4) }, { type: 'tool_use', id: 'tu_1', name: 'look', input: { q: 'x' } }] },
        { role: 'user', content: [{ type: 'tool_result', toolUseId: 'tu_1', content: 'r'.repeat(4) }] },
      ],
      maxOutputTokens: 100,
      tools: [{ name: 'look', description: 'd'.repeat(4), inputSchema: { type: 'object' } }],
    };
    const characters = 8 + 8 + 4 + 'look{"q":"x"}'.length + 4 + 'look'.length + 4 + '{"type":"object"}'.length;
    expect(estimateRequestTokens(request)).toBe(Math.ceil(characters / 4));
  });

  it('given more tools, when estimated, then the estimate grows: tool definitions are input too', () => {
    const bare: LlmRequest = { system: 'sys', messages: [{ role: 'user', content: 'hi' }], maxOutputTokens: 10 };
    const withTool = { ...bare, tools: [{ name: 'search', description: 'searches memory', inputSchema: { type: 'object' } }] };
    expect(estimateRequestTokens(withTool)).toBeGreaterThan(estimateRequestTokens(bare));
  });
});
