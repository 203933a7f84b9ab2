import { parseRfc3339 } from './rfc3339';

describe('RFC 3339 timestamps', () => {
  it('given timestamps with Z, an offset, fractions or lower-case separators, when parsed, then they name the instant', () => {
    expect(parseRfc3339('2025-01-31T09:30:00Z')).toEqual(new Date(Date.UTC(2025, 0, 31, 9, 30)));
    expect(parseRfc3339('2025-01-31T10:30:00+01:00')).toEqual(new Date(Date.UTC(2025, 0, 31, 9, 30)));
    expect(parseRfc3339('2025-01-31t09:30:00.123456z')).toEqual(new Date(Date.UTC(2025, 0, 31, 9, 30, 0, 123)));
    expect(parseRfc3339('2024-02-29 09:30:00Z')).toEqual(new Date(Date.UTC(2024, 1, 29, 9, 30)));
  });

  it('given dates without a time or offset, days that do not exist or other text, when parsed, then they are not timestamps', () => {
    for (const text of ['2025-01-31', '2025-01-31T09:30:00', '2025-02-30T00:00:00Z', '2025-13-01T00:00:00Z', '2025-01-01T25:00:00Z', 'now']) expect(parseRfc3339(text)).toBeUndefined();
  });
});
