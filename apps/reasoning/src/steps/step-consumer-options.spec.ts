import { KEEP_ALIVE_MS, stepConsumerOptions } from './step-consumer-options';

describe('step consumer options', () => {
  it('given no setting, when read, then 16 steps run at once and the ack wait outlasts several keep-alives', () => {
    const options = stepConsumerOptions({});
    expect(options.maxInFlight).toBe(16);
    expect(options.ackWaitMs).toBeGreaterThanOrEqual(3 * KEEP_ALIVE_MS);
  });

  it('given SIGIL_REASONING_MAX_INFLIGHT, when read, then it is the in-flight limit', () => {
    expect(stepConsumerOptions({ SIGIL_REASONING_MAX_INFLIGHT: '64' }).maxInFlight).toBe(64);
  });

  it.each(['0', '-1', '2.5', 'many'])('given SIGIL_REASONING_MAX_INFLIGHT=%s, when read, then it is refused', (value) => {
    expect(() => stepConsumerOptions({ SIGIL_REASONING_MAX_INFLIGHT: value })).toThrow('SIGIL_REASONING_MAX_INFLIGHT must be a whole number of at least 1');
  });
});
