import { MAX_PER_PAGE, pageBounds, sinceBoundMs } from './run-query-requests';

const refused = (message: string) => ({ error: { code: 'REQ_001', message, status: 400 } });

describe('run query requests', () => {
  it('given page 1 of 1 run or page 7 of 100 runs, when bounding the page, then both are accepted as they are', () => {
    expect(pageBounds(1, 1)).toEqual({ page: 1, perPage: 1 });
    expect(pageBounds(7, MAX_PER_PAGE)).toEqual({ page: 7, perPage: 100 });
  });

  it('given page 0 or a negative page, when bounding the page, then the request is refused with REQ_001', () => {
    expect(pageBounds(0, 10)).toEqual(refused('page must be 1 or more, got 0'));
    expect(pageBounds(-2, 10)).toEqual(refused('page must be 1 or more, got -2'));
  });

  it('given per_page 0 or above 100, when bounding the page, then the request is refused with REQ_001', () => {
    expect(pageBounds(1, 0)).toEqual(refused('per_page must be between 1 and 100, got 0'));
    expect(pageBounds(1, 101)).toEqual(refused('per_page must be between 1 and 100, got 101'));
  });

  it('given a moment inside the representable range, when bounding since_ms, then it is kept to the millisecond', () => {
    expect(sinceBoundMs(1_763_700_000_123n)).toBe(1_763_700_000_123);
    expect(sinceBoundMs(0n)).toBe(0);
  });

  it('given a moment before the epoch or past the last representable one, when bounding since_ms, then it is clamped into range', () => {
    expect(sinceBoundMs(-5n)).toBe(0);
    expect(sinceBoundMs(9_223_372_036_854_775_807n)).toBe(8_640_000_000_000_000);
  });
});
