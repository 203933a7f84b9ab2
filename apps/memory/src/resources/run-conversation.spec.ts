import { create } from '@bufbuild/protobuf';
import { RunCompletedSchema } from '@sigil/schemas';
import { MAX_RESOURCE_CHARS } from './resource-request';
import { conversationOfRun } from './run-conversation';

const run = (fields: Parameters<typeof create<typeof RunCompletedSchema>>[1]) => create(RunCompletedSchema, { runId: 'run-1', sessionId: 'session-1', ...fields });

describe('a completed run as a conversation resource', () => {
  it('given a run’s input and response, when converted, then it is a conversation of the run’s session and run, keyed by the run', () => {
    expect(conversationOfRun(run({ input: 'Where do I ship?', response: 'To Oslo.' }))).toEqual({
      resourceType: 'conversation',
      content: 'User: Where do I ship?\n\nAssistant: To Oslo.',
      metadata: '{}',
      sessionId: 'session-1',
      subjectId: null,
      runId: 'run-1',
      idempotencyKey: 'run:run-1',
    });
  });

  it('given a run that said nothing either way, when converted, then there is no resource', () => {
    expect(conversationOfRun(run({ input: ' ', response: '' }))).toBeUndefined();
  });

  it('given a response longer than a resource may be, when converted, then the conversation keeps its start, cut at a code point', () => {
    const conversation = conversationOfRun(run({ input: 'Tell me everything', response: '😀'.repeat(MAX_RESOURCE_CHARS) }));
    const codePoints = [...(conversation?.content ?? '')];
    expect(codePoints).toHaveLength(MAX_RESOURCE_CHARS);
    expect(conversation?.content.startsWith('User: Tell me everything\n\nAssistant: 😀')).toBe(true);
    expect(codePoints.at(-1)).toBe('😀');
  });
});
