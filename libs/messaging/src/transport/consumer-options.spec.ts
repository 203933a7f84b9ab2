import { consumer, defaultConsumerOptions, durableNameFor, resolveConsumerOptions, retryDelayMs } from './consumer-options';

describe('consumer options', () => {
  it('given no extras, when resolved, then the defaults apply', () => {
    expect(resolveConsumerOptions(undefined)).toEqual(defaultConsumerOptions);
  });

  it('given per-handler overrides, when resolved, then they replace only what they name', () => {
    const options = resolveConsumerOptions(consumer({ maxDeliver: 3, ackWaitMs: 2_000 }));
    expect(options).toMatchObject({ maxDeliver: 3, ackWaitMs: 2_000, maxInFlight: defaultConsumerOptions.maxInFlight });
  });

  it('given nonsense limits, when resolved, then they are refused', () => {
    expect(() => resolveConsumerOptions(consumer({ maxDeliver: 0 }))).toThrow('maxDeliver');
    expect(() => resolveConsumerOptions(consumer({ maxInFlight: 0 }))).toThrow('maxInFlight');
    expect(() => resolveConsumerOptions(consumer({ backoffMs: [] }))).toThrow('backoffMs');
  });

  it('given failed deliveries, when the retry delay is asked, then it follows the backoff and repeats the last', () => {
    const options = resolveConsumerOptions(consumer({ backoffMs: [100, 500] }));
    expect([1, 2, 3, 9].map((n) => retryDelayMs(options, n))).toEqual([100, 500, 500, 500]);
  });

  it('given a service and subject, when named, then the durable name holds no subject tokens', () => {
    expect(durableNameFor('planner', 'sigil.routing.v1.decided')).toBe('planner__sigil_routing_v1_decided');
  });
});
