import { RouteDecidedSchema, RunCompletedSchema, RunRequestedSchema } from '@sigil/schemas';
import { defineEvent } from '../definitions/message-definitions';
import { deadLetterSubject, streamConfigs } from './stream-topology';

describe('stream topology', () => {
  const events = [
    defineEvent('sigil.run.v1.requested', RunRequestedSchema),
    defineEvent('sigil.run.v1.completed', RunCompletedSchema),
    defineEvent('sigil.routing.v1.decided', RouteDecidedSchema),
  ];

  it('given events of two contexts, when the topology is derived, then each context has a stream and a dead-letter stream', () => {
    const configs = streamConfigs(events);
    expect(configs.map((c) => [c.name, c.subjects])).toEqual([
      ['SIGIL_RUN', ['sigil.run.v1.completed', 'sigil.run.v1.requested']],
      ['SIGIL_RUN_DLQ', ['dlq.sigil.run.v1.completed', 'dlq.sigil.run.v1.requested']],
      ['SIGIL_ROUTING', ['sigil.routing.v1.decided']],
      ['SIGIL_ROUTING_DLQ', ['dlq.sigil.routing.v1.decided']],
    ]);
  });

  it('given a subject, when dead-lettered, then its dead-letter subject is prefixed and outside every domain stream', () => {
    expect(deadLetterSubject('sigil.run.v1.requested')).toBe('dlq.sigil.run.v1.requested');
  });

  it('given the stream configs, when compared, then every stream deduplicates by Nats-Msg-Id', () => {
    for (const config of streamConfigs(events)) expect(config.duplicate_window).toBeGreaterThan(0);
  });
});
