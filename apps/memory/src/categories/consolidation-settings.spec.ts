import { consolidationDelayMsFromEnv, DEFAULT_CONSOLIDATION_DELAY_MS } from './consolidation-settings';

describe('consolidation settings', () => {
  it('given no SIGIL_MEMORY_CONSOLIDATION_DELAY_MS, when read, then the delay is 2 seconds', () => {
    expect(consolidationDelayMsFromEnv({})).toBe(DEFAULT_CONSOLIDATION_DELAY_MS);
    expect(DEFAULT_CONSOLIDATION_DELAY_MS).toBe(2_000);
  });

  it('given a whole number of milliseconds, 0 included, when read, then that is the delay', () => {
    expect(consolidationDelayMsFromEnv({ SIGIL_MEMORY_CONSOLIDATION_DELAY_MS: ' 500 ' })).toBe(500);
    expect(consolidationDelayMsFromEnv({ SIGIL_MEMORY_CONSOLIDATION_DELAY_MS: '0' })).toBe(0);
  });

  it.each(['-1', '1.5', 'soon'])('given %s, when read, then memory refuses to start, naming the variable', (raw) => {
    expect(() => consolidationDelayMsFromEnv({ SIGIL_MEMORY_CONSOLIDATION_DELAY_MS: raw })).toThrow(`SIGIL_MEMORY_CONSOLIDATION_DELAY_MS must be a whole number of milliseconds, got "${raw}"`);
  });
});
