import { inspect } from 'node:util';
import { embeddingSettingsFromEnv } from './embedding-settings';

const openai = { SIGIL_EMBEDDINGS_PROVIDER: 'openai', SIGIL_EMBEDDINGS_URL: 'https://api.example.com/v1/', SIGIL_EMBEDDINGS_API_KEY: 'sk-secret-123' };

describe('embedding settings', () => {
  it('given no variables, when read, then the local provider with 384 dimensions is chosen', () => {
    expect(embeddingSettingsFromEnv({})).toEqual({ provider: 'local', dimensions: 384 });
  });

  it('given the openai provider, when read, then the URL loses its trailing slash and the documented defaults apply', () => {
    const settings = embeddingSettingsFromEnv(openai);

    expect(settings).toMatchObject({
      provider: 'openai',
      dimensions: 384,
      remote: { url: 'https://api.example.com/v1', model: 'text-embedding-3-small', timeoutMs: 30_000, maxRetries: 4, backoffBaseMs: 500, backoffMaxMs: 20_000 },
    });
    expect(settings.remote?.apiKey?.reveal()).toBe('sk-secret-123');
  });

  it('given an API key, when the settings are printed or serialised, then the key does not show', () => {
    const settings = embeddingSettingsFromEnv(openai);

    expect(inspect(settings, { depth: 5 })).not.toContain('sk-secret-123');
    expect(JSON.stringify(settings)).not.toContain('sk-secret-123');
  });

  it('given every variable, when read, then each is taken', () => {
    const env = {
      ...openai,
      SIGIL_EMBEDDINGS_MODEL: 'nomic-embed-text',
      SIGIL_MEMORY_EMBEDDING_DIMENSIONS: '768',
      SIGIL_EMBEDDINGS_TIMEOUT_MS: '5000',
      SIGIL_EMBEDDINGS_MAX_RETRIES: '2',
      SIGIL_EMBEDDINGS_BACKOFF_BASE_MS: '100',
      SIGIL_EMBEDDINGS_BACKOFF_MAX_MS: '1000',
    };

    expect(embeddingSettingsFromEnv(env)).toMatchObject({
      dimensions: 768,
      remote: { model: 'nomic-embed-text', timeoutMs: 5_000, maxRetries: 2, backoffBaseMs: 100, backoffMaxMs: 1_000 },
    });
  });

  it('given the openai provider without a key, when read, then no key is set (self-hosted servers need none)', () => {
    expect(embeddingSettingsFromEnv({ ...openai, SIGIL_EMBEDDINGS_API_KEY: '' }).remote?.apiKey).toBeUndefined();
  });

  it.each([
    [{ SIGIL_EMBEDDINGS_PROVIDER: 'cohere' }, 'SIGIL_EMBEDDINGS_PROVIDER must be "local" or "openai", got "cohere"'],
    [{ SIGIL_MEMORY_EMBEDDING_DIMENSIONS: '0' }, 'SIGIL_MEMORY_EMBEDDING_DIMENSIONS must be an integer from 1 to 8192, got "0"'],
    [{ SIGIL_MEMORY_EMBEDDING_DIMENSIONS: '38.4' }, 'SIGIL_MEMORY_EMBEDDING_DIMENSIONS must be an integer from 1 to 8192, got "38.4"'],
    [{ SIGIL_EMBEDDINGS_PROVIDER: 'openai' }, 'SIGIL_EMBEDDINGS_URL is required when SIGIL_EMBEDDINGS_PROVIDER is "openai"'],
    [{ ...openai, SIGIL_EMBEDDINGS_URL: 'api.example.com' }, 'SIGIL_EMBEDDINGS_URL must be an http(s) URL, got "api.example.com"'],
    [{ ...openai, SIGIL_EMBEDDINGS_URL: 'ftp://api.example.com' }, 'SIGIL_EMBEDDINGS_URL must be an http(s) URL, got "ftp://api.example.com"'],
    [{ ...openai, SIGIL_EMBEDDINGS_URL: 'https://user:pw@api.example.com' }, 'SIGIL_EMBEDDINGS_URL must not carry credentials'],
    [{ ...openai, SIGIL_EMBEDDINGS_TIMEOUT_MS: 'soon' }, 'SIGIL_EMBEDDINGS_TIMEOUT_MS must be an integer from 1 to'],
    [{ ...openai, SIGIL_EMBEDDINGS_MAX_RETRIES: '11' }, 'SIGIL_EMBEDDINGS_MAX_RETRIES must be an integer from 0 to 10, got "11"'],
    [{ ...openai, SIGIL_EMBEDDINGS_BACKOFF_BASE_MS: '500', SIGIL_EMBEDDINGS_BACKOFF_MAX_MS: '100' }, 'SIGIL_EMBEDDINGS_BACKOFF_MAX_MS (100) must not be below'],
  ])('given %p, when read, then the service refuses to start, naming the variable', (env, message) => {
    expect(() => embeddingSettingsFromEnv(env)).toThrow(message);
  });

  it('given the local provider, when remote variables are set but wrong, then they are ignored', () => {
    expect(embeddingSettingsFromEnv({ SIGIL_EMBEDDINGS_URL: 'not a url', SIGIL_EMBEDDINGS_TIMEOUT_MS: 'x' })).toEqual({ provider: 'local', dimensions: 384 });
  });
});
