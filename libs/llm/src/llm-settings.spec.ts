import { inspect } from 'node:util';
import { LLM_DEFAULTS, llmSettingsFromEnv } from './llm-settings';

describe('LLM settings', () => {
  it('given an empty environment, when read, then there is no key (local provider) and the documented defaults apply', () => {
    expect(llmSettingsFromEnv({})).toEqual({ anthropicApiKey: undefined, anthropicBaseUrl: undefined, ...LLM_DEFAULTS });
  });

  it('given the documented variables, when read, then each lands in its setting', () => {
    const settings = llmSettingsFromEnv({
      ANTHROPIC_API_KEY: 'sk-ant-test',
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9999',
      SIGIL_LLM_MODEL: 'claude-opus-5-5',
      SIGIL_LLM_MAX_TOKENS: '1024',
      SIGIL_LLM_TEMPERATURE: '0.2',
      SIGIL_LLM_REQUESTS_PER_MINUTE: '10',
      SIGIL_LLM_TOKENS_PER_MINUTE: '20000',
      SIGIL_LLM_MAX_CONCURRENCY: '2',
      SIGIL_LLM_MAX_QUEUE: '7',
      SIGIL_LLM_TIMEOUT_MS: '1500',
      SIGIL_LLM_MAX_RETRIES: '0',
      SIGIL_LLM_BACKOFF_BASE_MS: '5',
      SIGIL_LLM_BACKOFF_MAX_MS: '50',
      SIGIL_LLM_CIRCUIT_FAILURES: '3',
      SIGIL_LLM_CIRCUIT_COOLDOWN_MS: '100',
      SIGIL_LOCAL_LLM_LATENCY_MS: '25',
    });
    expect(settings.anthropicApiKey?.reveal()).toBe('sk-ant-test');
    expect(settings).toMatchObject({
      anthropicBaseUrl: 'http://127.0.0.1:9999',
      model: 'claude-opus-5-5',
      maxOutputTokens: 1024,
      temperature: 0.2,
      localLatencyMs: 25,
      resilience: {
        requestsPerMinute: 10,
        tokensPerMinute: 20_000,
        maxConcurrency: 2,
        maxQueue: 7,
        timeoutMs: 1_500,
        maxRetries: 0,
        backoffBaseMs: 5,
        backoffMaxMs: 50,
        circuitFailureThreshold: 3,
        circuitCoolDownMs: 100,
        rateWindowMs: 60_000,
      },
    });
  });

  it('given a blank key, when read, then there is no key', () => {
    expect(llmSettingsFromEnv({ ANTHROPIC_API_KEY: '  ' }).anthropicApiKey).toBeUndefined();
  });

  it('given settings with a key, when logged, then the key does not show', () => {
    const settings = llmSettingsFromEnv({ ANTHROPIC_API_KEY: 'sk-ant-never-log-me' });
    expect(inspect(settings, { depth: 5 })).not.toContain('sk-ant-never-log-me');
    expect(JSON.stringify(settings)).not.toContain('sk-ant-never-log-me');
  });

  it('given a value that is not a number, when read, then the variable is named in the error', () => {
    expect(() => llmSettingsFromEnv({ SIGIL_LLM_MAX_CONCURRENCY: 'many' })).toThrow('SIGIL_LLM_MAX_CONCURRENCY must be an integer of at least 1, got "many"');
    expect(() => llmSettingsFromEnv({ SIGIL_LLM_MAX_CONCURRENCY: '0' })).toThrow('SIGIL_LLM_MAX_CONCURRENCY');
  });
});
