import { create } from '@bufbuild/protobuf';
import { RunRequestedSchema } from '@sigil/schemas';
import { defineEvent, defineQuery, parseSubject, requireFields } from './message-definitions';

describe('message definitions', () => {
  it('given a versioned subject, when parsed, then context, major and message are returned', () => {
    expect(parseSubject('sigil.routing.v1.decided')).toEqual({ context: 'routing', major: 1, message: 'decided' });
  });

  it('given a subject outside the convention, when parsed, then nothing is returned', () => {
    expect(parseSubject('sigil.routing.decided')).toBeUndefined();
    expect(parseSubject('other.routing.v1.decided')).toBeUndefined();
  });

  it('given an event type, when defined, then it lives in the stream of its context', () => {
    const event = defineEvent('sigil.run.v1.requested', RunRequestedSchema);
    expect(event).toMatchObject({ subject: 'sigil.run.v1.requested', stream: 'SIGIL_RUN' });
  });

  it('given a malformed type or query subject, when defined, then definition is refused', () => {
    expect(() => defineEvent('run.requested', RunRequestedSchema)).toThrow(/sigil.<context>/);
    expect(() => defineQuery('runs.get', RunRequestedSchema, RunRequestedSchema)).toThrow(/sigil.<context>/);
  });

  it('given required fields, when a message leaves them empty, then each is reported', () => {
    const validate = requireFields<typeof RunRequestedSchema>('runId', 'sessionId');
    expect(validate(create(RunRequestedSchema, { runId: 'r1' }))).toEqual(['sessionId is required']);
    expect(validate(create(RunRequestedSchema, { runId: 'r1', sessionId: 's1' }))).toEqual([]);
  });
});
