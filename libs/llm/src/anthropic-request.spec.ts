import { toMessageParams } from './anthropic-request';
import type { LlmRequest } from './llm-types';

describe('Anthropic request mapping', () => {
  it('given a multi-turn request with tool use, when mapped, then the Messages API body carries every part', () => {
    const request: LlmRequest = {
      system: 'You are a planner.',
      messages: [
        { role: 'user', content: 'Find cats.' },
        { role: 'assistant', content: [{ type: 'text', text: 'Searching.' }, { type: 'tool_use', id: 'toolu_1', name: 'memory_search', input: { query: 'cats' } }] },
        { role: 'user', content: [{ type: 'tool_result', toolUseId: 'toolu_1', content: 'no cats', isError: true }] },
      ],
      maxOutputTokens: 512,
      temperature: 0.3,
      tools: [{ name: 'memory_search', description: 'Searches memory.', inputSchema: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] } }],
      stopSequences: ['\n\nHuman:'],
    };

    expect(toMessageParams('claude-sonnet-5-5', request)).toEqual({
      model: 'claude-sonnet-5-5',
      max_tokens: 512,
      system: 'You are a planner.',
      messages: [
        { role: 'user', content: 'Find cats.' },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Searching.' },
            { type: 'tool_use', id: 'toolu_1', name: 'memory_search', input: { query: 'cats' } },
          ],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'no cats', is_error: true }] },
      ],
      tools: [
        {
          name: 'memory_search',
          description: 'Searches memory.',
          input_schema: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
        },
      ],
      stop_sequences: ['\n\nHuman:'],
    });
  });

  it('given a temperature, when mapped, then it is not sent (API version 2026-10-21 rejects sampling parameters)', () => {
    const body = toMessageParams('claude-sonnet-5-5', { system: 's', messages: [{ role: 'user', content: 'hi' }], maxOutputTokens: 10, temperature: 0.7 });
    expect(body).not.toHaveProperty('temperature');
  });

  it('given no system, tools or stop sequences, when mapped, then those fields are left out', () => {
    expect(toMessageParams('m', { system: '', messages: [{ role: 'user', content: 'hi' }], maxOutputTokens: 10, tools: [], stopSequences: [] })).toEqual({
      model: 'm',
      max_tokens: 10,
      messages: [{ role: 'user', content: 'hi' }],
    });
  });
});
