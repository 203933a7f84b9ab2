import { retryAfterMsFrom } from './retry-after';

const now = Date.parse('2026-11-20T10:00:00Z');

describe('retry-after', () => {
  it('given retry-after in seconds, when read, then it is in milliseconds', () => {
    expect(retryAfterMsFrom(new Headers({ 'retry-after': '2' }), now)).toBe(2_000);
    expect(retryAfterMsFrom(new Headers({ 'retry-after': '0.25' }), now)).toBe(250);
  });

  it('given retry-after as an HTTP date, when read, then it is the time until then', () => {
    expect(retryAfterMsFrom(new Headers({ 'retry-after': 'Fri, 20 Nov 2026 10:00:05 GMT' }), now)).toBe(5_000);
  });

  it('given a date in the past, when read, then there is no wait', () => {
    expect(retryAfterMsFrom(new Headers({ 'retry-after': 'Fri, 20 Nov 2026 09:00:00 GMT' }), now)).toBe(0);
  });

  it('given retry-after-ms, when read, then it wins over retry-after', () => {
    expect(retryAfterMsFrom(new Headers({ 'retry-after-ms': '150', 'retry-after': '9' }), now)).toBe(150);
  });

  it('given no or unreadable headers, when read, then the server did not say', () => {
    expect(retryAfterMsFrom(undefined, now)).toBeUndefined();
    expect(retryAfterMsFrom(new Headers(), now)).toBeUndefined();
    expect(retryAfterMsFrom(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
  });
});
