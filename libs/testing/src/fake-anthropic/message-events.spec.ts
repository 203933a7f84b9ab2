import { errorBody, formatEvent, messageBody, streamEvents, textChunksOf } from './message-events';

const usage = { model: 'claude-sonnet-5-5', messageId: 'msg_1', inputTokens: 12, outputTokens: 3 };

describe('fake Messages API events', () => {
  it('given a text answer, when streamed, then the events follow the API order with usage at start and end', () => {
    const events = streamEvents({ text: 'Hi there', chunks: ['Hi', ' there'] }, usage);
    expect(events.map((e) => e.event)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(events[0].data).toMatchObject({ message: { id: 'msg_1', model: 'claude-sonnet-5-5', content: [], stop_reason: null, usage: { input_tokens: 12 } } });
    expect(events.slice(3, 5).map((e) => e.data)).toEqual([
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: ' there' } },
    ]);
    expect(events[6].data).toMatchObject({ delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 3 } });
  });

  it('given a tool use after text, when streamed, then the tool block is second and its input arrives as JSON deltas', () => {
    const events = streamEvents({ text: 'Looking.', toolUse: { id: 'toolu_1', name: 'search', input: { query: 'cats' } } }, usage);
    const toolStart = events.find((e) => e.event === 'content_block_start' && (e.data as { index: number }).index === 1);
    expect(toolStart?.data).toMatchObject({ content_block: { type: 'tool_use', id: 'toolu_1', name: 'search', input: {} } });
    const partials = events
      .filter((e) => (e.data as { delta?: { type: string } }).delta?.type === 'input_json_delta')
      .map((e) => (e.data as { delta: { partial_json: string } }).delta.partial_json);
    expect(partials.join('')).toBe('{"query":"cats"}');
    expect(events.at(-2)?.data).toMatchObject({ delta: { stop_reason: 'tool_use' } });
  });

  it('given a text answer without chunks, when streamed, then it goes word by word and joins back', () => {
    expect(textChunksOf({ text: 'one two  three' })).toEqual(['one ', 'two  ', 'three']);
  });

  it('given an answer, when not streamed, then the body is a whole message', () => {
    expect(messageBody({ text: 'Hello' }, usage)).toMatchObject({
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: 'Hello' }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 12, output_tokens: 3 },
    });
  });

  it('given an HTTP error, when answered, then the body names the API error type for the status', () => {
    expect(errorBody({ status: 529 }, 'req_1')).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'fake overloaded_error' }, request_id: 'req_1' });
    expect(errorBody({ status: 429 }, 'req_1')).toMatchObject({ error: { type: 'rate_limit_error' } });
  });

  it('given an event, when formatted, then it is an SSE frame ending in a blank line', () => {
    expect(formatEvent({ event: 'message_stop', data: { type: 'message_stop' } })).toBe('event: message_stop\ndata: {"type":"message_stop"}\n\n');
  });
});
