import { create, toBinary } from '@bufbuild/protobuf';
import { streamConfigs } from '@sigil/messaging';
import { RouteDecidedSchema } from '@sigil/schemas';
import { allEvents, Events } from './events';
import { allQueries } from './queries';
import { decodeEventPayload } from './registry';

describe('catalogue', () => {
  it('given every event, when listed, then each type is unique and follows the subject convention', () => {
    const types = allEvents.map((event) => event.type);
    expect(new Set(types).size).toBe(types.length);
    for (const type of types) expect(type).toMatch(/^sigil\.[a-z_]+\.v\d+\.[a-z_]+$/);
  });

  it('given the queries, when compared with the streams, then no query subject is captured by a stream', () => {
    const streamSubjects = streamConfigs(allEvents).flatMap((config) => config.subjects ?? []);
    for (const query of allQueries) expect(streamSubjects).not.toContain(query.subject);
  });

  it('given a stored payload, when decoded by its type, then its canonical JSON comes back', () => {
    const data = toBinary(RouteDecidedSchema, create(RouteDecidedSchema, { runId: 'r1', intent: 'general_chat', complexity: 0.25 }));
    expect(decodeEventPayload(Events.RouteDecided.type, data)).toEqual({ runId: 'r1', intent: 'general_chat', complexity: 0.25 });
  });

  it('given an unknown type, when decoded, then it is refused', () => {
    expect(() => decodeEventPayload('sigil.nothing.v1.here', new Uint8Array())).toThrow('unknown event type');
  });

  it('given a run request without an agent, when validated, then the agent name is reported', () => {
    const problems = Events.RunRequested.validate(create(Events.RunRequested.schema, { runId: 'r', sessionId: 's', input: 'hi' }));
    expect(problems).toEqual(['agent.name is required']);
  });
});
