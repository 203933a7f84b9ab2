import { DEFAULT_RETRIEVAL_SETTINGS, retrievalSettingsFromEnv } from './retrieval-settings';

describe('retrieval settings', () => {
  it('given nothing set, when read, then hybrid escalates below 0.7, rag keeps results from 0.15 and recall looks for 8 items by rag within 4,000 tokens', () => {
    const defaults = { hybridThreshold: 0.7, minScore: 0.15, recall: { mode: 'rag', k: 8, maxTokens: 4_000 } };
    expect(retrievalSettingsFromEnv({})).toEqual(defaults);
    expect(DEFAULT_RETRIEVAL_SETTINGS).toEqual(defaults);
  });

  it('given fractions from 0 to 1 and a mode, when read, then those are the settings', () => {
    const env = { SIGIL_MEMORY_HYBRID_THRESHOLD: '0.35', SIGIL_MEMORY_MIN_SCORE: '0', SIGIL_MEMORY_RECALL_MODE: 'hybrid', SIGIL_MEMORY_RECALL_K: '12', SIGIL_MEMORY_TOKEN_ALLOWANCE: '2000' };
    expect(retrievalSettingsFromEnv(env)).toEqual({ hybridThreshold: 0.35, minScore: 0, recall: { mode: 'hybrid', k: 12, maxTokens: 2_000 } });
    expect(retrievalSettingsFromEnv({ SIGIL_MEMORY_HYBRID_THRESHOLD: '0' }).hybridThreshold).toBe(0);
    expect(retrievalSettingsFromEnv({ SIGIL_MEMORY_HYBRID_THRESHOLD: '1', SIGIL_MEMORY_MIN_SCORE: '1' })).toMatchObject({ hybridThreshold: 1, minScore: 1 });
  });

  it.each([
    ['SIGIL_MEMORY_HYBRID_THRESHOLD', '1.2'],
    ['SIGIL_MEMORY_HYBRID_THRESHOLD', 'high'],
    ['SIGIL_MEMORY_MIN_SCORE', '-0.1'],
    ['SIGIL_MEMORY_MIN_SCORE', 'some'],
  ])('given %s=%s, when read, then memory refuses to start, naming the variable', (name, raw) => {
    expect(() => retrievalSettingsFromEnv({ [name]: raw })).toThrow(`${name} must be a number from 0 to 1, got "${raw}"`);
  });

  it.each([
    ['SIGIL_MEMORY_RECALL_K', '0', 50],
    ['SIGIL_MEMORY_RECALL_K', '51', 50],
    ['SIGIL_MEMORY_TOKEN_ALLOWANCE', '2.5', Number.MAX_SAFE_INTEGER],
  ])('given %s=%s, when read, then memory refuses to start, naming the variable and its range', (name, raw, max) => {
    expect(() => retrievalSettingsFromEnv({ [name]: raw })).toThrow(`${name} must be an integer from 1 to ${max}, got "${raw}"`);
  });

  it('given an unknown recall mode, when read, then memory refuses to start, naming the modes', () => {
    expect(() => retrievalSettingsFromEnv({ SIGIL_MEMORY_RECALL_MODE: 'psychic' })).toThrow('SIGIL_MEMORY_RECALL_MODE must be one of rag, llm, hybrid, got "psychic"');
  });
});
