import { dueForConsolidation } from './consolidation-due';

const now = new Date('2025-01-01T12:00:10Z');
const at = (seconds: number) => new Date(now.getTime() + seconds * 1_000);

describe('consolidation due', () => {
  it('given a category changed longer ago than the delay and not leased, when checked, then it is due', () => {
    expect(dueForConsolidation({ dirtySince: at(-3), leaseUntil: null }, now, 2_000)).toBe(true);
    expect(dueForConsolidation({ dirtySince: at(-2), leaseUntil: at(-1) }, now, 2_000)).toBe(true);
  });

  it('given a category changed within the delay, when checked, then it waits so a burst of items is one consolidation', () => {
    expect(dueForConsolidation({ dirtySince: at(-1), leaseUntil: null }, now, 2_000)).toBe(false);
  });

  it('given an up-to-date category, when checked, then it is not due', () => {
    expect(dueForConsolidation({ dirtySince: null, leaseUntil: null }, now, 0)).toBe(false);
  });

  it('given a category another replica holds, when checked, then it is not due until the lease ends', () => {
    expect(dueForConsolidation({ dirtySince: at(-10), leaseUntil: at(5) }, now, 2_000)).toBe(false);
  });
});
