import { headers } from '@nats-io/nats-core';
import { Header } from '../envelope/envelope';
import { DeadLetterHeader, deadLetterHeaders } from './dead-letter';

describe('dead letter headers', () => {
  const original = headers();
  original.set(Header.msgId, 'msg-1');
  original.set(Header.type, 'sigil.run.v1.requested');
  original.set('x-custom', 'kept');
  const message = { subject: 'sigil.run.v1.requested', data: new Uint8Array([1]), headers: original, stream: 'SIGIL_RUN', streamSequence: 42 };

  it('given a failed message, when dead-lettered, then the original headers are kept and the cause is added', () => {
    const h = deadLetterHeaders(message, { reason: 'decode_failed', error: 'bad\nbytes', consumer: 'planner__x', deliveryCount: 1 });
    expect(h.get('x-custom')).toBe('kept');
    expect(h.get(Header.type)).toBe('sigil.run.v1.requested');
    expect(h.get(DeadLetterHeader.originalMsgId)).toBe('msg-1');
    expect(h.get(DeadLetterHeader.reason)).toBe('decode_failed');
    expect(h.get(DeadLetterHeader.error)).toBe('bad bytes');
    expect(h.get(DeadLetterHeader.consumer)).toBe('planner__x');
    expect(h.get(DeadLetterHeader.deliveryCount)).toBe('1');
    expect(h.get(DeadLetterHeader.originalSubject)).toBe('sigil.run.v1.requested');
    expect(h.get(DeadLetterHeader.originalStream)).toBe('SIGIL_RUN');
    expect(h.get(DeadLetterHeader.originalSequence)).toBe('42');
  });

  it('given the same failure reported twice, when dead-lettered, then both carry one message id', () => {
    const cause = { reason: 'max_deliver_exhausted' as const, error: 'x', consumer: 'c', deliveryCount: 5 };
    expect(deadLetterHeaders(message, cause).get(Header.msgId)).toBe(deadLetterHeaders(message, cause).get(Header.msgId));
    expect(deadLetterHeaders(message, cause).get(Header.msgId)).not.toBe('msg-1');
  });
});
