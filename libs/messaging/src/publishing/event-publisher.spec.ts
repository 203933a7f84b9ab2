import { createEnvelope } from '../envelope/envelope';
import { causedBy } from './event-publisher';

describe('the options of an event a message causes', () => {
  it('given a cause, when its event is published straight away, then the id derives from the cause and the correlation is carried', () => {
    const cause = createEnvelope({ type: 'sigil.run.v1.requested', source: 'gateway', dataSchema: 'proto:x', tenantId: 't-1', sessionId: 's-1', runId: 'r-1', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });

    expect(causedBy(cause, 'routed')).toEqual({
      tenantId: 't-1',
      sessionId: 's-1',
      runId: 'r-1',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      id: `${cause.id}:routed`,
      causationId: cause.id,
    });
  });

  it('given the same cause twice (a redelivery), when its event is published, then both have the same id', () => {
    const cause = createEnvelope({ type: 'sigil.run.v1.requested', source: 'gateway', dataSchema: 'proto:x', tenantId: 't-1' });

    expect(causedBy(cause, 'recalled').id).toBe(causedBy({ ...cause }, 'recalled').id);
    expect(causedBy(cause, 'recalled').id).not.toBe(causedBy(cause, 'routed').id);
  });
});
