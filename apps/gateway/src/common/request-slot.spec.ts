import type { FastifyRequest } from 'fastify';
import { requestSlot } from './request-slot';

const request = () => ({}) as FastifyRequest;

describe('request slot', () => {
  it('given a value attached to a request, when read, then that request has it and another does not', () => {
    const slot = requestSlot<{ tenantId: string }>('test.value', 'missing');
    const [carrying, other] = [request(), request()];
    slot.attach(carrying, { tenantId: 't1' });
    expect(slot.of(carrying)).toEqual({ tenantId: 't1' });
    expect(slot.maybe(other)).toBeUndefined();
  });

  it('given two slots of the same name, when one is filled, then the other stays empty', () => {
    const [first, second] = [requestSlot<number>('same', 'missing'), requestSlot<number>('same', 'missing')];
    const carrying = request();
    first.attach(carrying, 1);
    expect(second.maybe(carrying)).toBeUndefined();
  });

  it('given nothing attached, when the value is required, then the wiring mistake is named', () => {
    expect(() => requestSlot<number>('test.value', 'no value: mark the route').of(request())).toThrow('no value: mark the route');
  });
});
