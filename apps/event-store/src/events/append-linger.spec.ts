import { appendLingerMsFromEnv, DEFAULT_APPEND_LINGER_MS } from './append-linger';

describe('the event store linger setting', () => {
  it('given no variable, when read, then the default linger applies', () => {
    expect(appendLingerMsFromEnv({})).toBe(DEFAULT_APPEND_LINGER_MS);
    expect(appendLingerMsFromEnv({ SIGIL_EVENT_STORE_LINGER_MS: ' ' })).toBe(DEFAULT_APPEND_LINGER_MS);
  });

  it.each([
    ['0', 0],
    [' 120 ', 120],
    ['5000', 5_000],
  ])('given SIGIL_EVENT_STORE_LINGER_MS=%j, when read, then the linger is %d ms', (raw, expected) => {
    expect(appendLingerMsFromEnv({ SIGIL_EVENT_STORE_LINGER_MS: raw })).toBe(expected);
  });

  it.each([['-1'], ['5001'], ['2.5'], ['soon'], ['1e9']])('given SIGIL_EVENT_STORE_LINGER_MS=%j, when read, then it is refused with the variable named', (raw) => {
    expect(() => appendLingerMsFromEnv({ SIGIL_EVENT_STORE_LINGER_MS: raw })).toThrow(`SIGIL_EVENT_STORE_LINGER_MS must be a whole number of milliseconds from 0 to 5000, got "${raw}"`);
  });
});
