import { requestsDue } from './open-loop-load';

describe('requestsDue', () => {
  it('given a constant rate, when time passes, then requests fall due evenly and never early', () => {
    expect(requestsDue(0, 5_000)).toBe(0);
    expect(requestsDue(0.19, 5_000)).toBe(0);
    expect(requestsDue(0.2, 5_000)).toBe(1);
    expect(requestsDue(1, 5_000)).toBe(5);
    expect(requestsDue(20_000, 5_000)).toBe(100_000);
  });
});
