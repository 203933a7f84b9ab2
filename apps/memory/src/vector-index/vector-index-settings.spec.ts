import { vectorIndexSettingsFromEnv } from './vector-index-settings';

describe('vector index settings', () => {
  it('given no variables, when read, then the index is chosen by the database and the lag window is 10 s', () => {
    expect(vectorIndexSettingsFromEnv({})).toEqual({ choice: 'auto', lagWindowMs: 10_000 });
  });

  it('given both variables, when read, then each is taken', () => {
    expect(vectorIndexSettingsFromEnv({ SIGIL_MEMORY_VECTOR_INDEX: 'hnsw', SIGIL_MEMORY_INDEX_LAG_WINDOW_MS: '0' })).toEqual({ choice: 'hnsw', lagWindowMs: 0 });
  });

  it.each([
    [{ SIGIL_MEMORY_VECTOR_INDEX: 'faiss' }, 'SIGIL_MEMORY_VECTOR_INDEX must be one of auto, hnsw, pgvector, got "faiss"'],
    [{ SIGIL_MEMORY_INDEX_LAG_WINDOW_MS: '-1' }, 'SIGIL_MEMORY_INDEX_LAG_WINDOW_MS must be an integer of at least 0, got "-1"'],
    [{ SIGIL_MEMORY_INDEX_LAG_WINDOW_MS: '10s' }, 'SIGIL_MEMORY_INDEX_LAG_WINDOW_MS must be an integer of at least 0, got "10s"'],
  ])('given %p, when read, then the service refuses to start, naming the variable', (env, message) => {
    expect(() => vectorIndexSettingsFromEnv(env)).toThrow(message);
  });
});
