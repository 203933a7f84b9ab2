import { sinceBoundMs } from './run-query-requests';

describe('run query requests', () => {
  it('given a moment inside the representable range, when bounding since_ms, then it is kept to the millisecond', () => {
    expect(sinceBoundMs(1_763_700_000_123n)).toBe(1_763_700_000_123);
    expect(sinceBoundMs(0n)).toBe(0);
  });

  it('given a moment before the epoch or past the last representable one, when bounding since_ms, then it is clamped into range', () => {
    expect(sinceBoundMs(-5n)).toBe(0);
    expect(sinceBoundMs(9_223_372_036_854_775_807n)).toBe(8_640_000_000_000_000);
  });
});
