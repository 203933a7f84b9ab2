import { createLlmProvider } from './create-llm-provider';
import { llmSettingsFromEnv } from './llm-settings';

const answer = () => ({ text: 'local answer' });

describe('creating the LLM provider', () => {
  it('given no API key, when created, then the deterministic local model answers, behind the resilience layer', async () => {
    const provider = createLlmProvider(llmSettingsFromEnv({}), answer);
    expect({ name: provider.name, model: provider.model }).toEqual({ name: 'local', model: 'sigil-local-deterministic' });
    const response = await provider.complete({ system: '', messages: [{ role: 'user', content: 'hi' }], maxOutputTokens: 50 });
    expect(response).toMatchObject({ text: 'local answer', model: 'sigil-local-deterministic', costUsd: 0 });
    expect(provider.costs.byModel()).toEqual([{ model: 'sigil-local-deterministic', calls: 1, inputTokens: 1, outputTokens: 3, costUsd: 0, priced: true }]);
  });

  it('given no API key and a tiny rate limit, when called repeatedly, then the local model is not throttled (the limits are the Anthropic account\'s)', async () => {
    const provider = createLlmProvider(llmSettingsFromEnv({ SIGIL_LLM_REQUESTS_PER_MINUTE: '1', SIGIL_LLM_TOKENS_PER_MINUTE: '1' }), answer);
    const call = () => provider.complete({ system: '', messages: [{ role: 'user', content: 'hi' }], maxOutputTokens: 50 });
    const started = performance.now();
    await Promise.all([call(), call(), call()]);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(provider.costs.total().calls).toBe(3);
  });

  it('given an API key, when created, then Claude answers with the configured model', () => {
    const provider = createLlmProvider(llmSettingsFromEnv({ ANTHROPIC_API_KEY: 'sk-ant-test', SIGIL_LLM_MODEL: 'claude-opus-5-5' }), answer);
    expect({ name: provider.name, model: provider.model }).toEqual({ name: 'anthropic', model: 'claude-opus-5-5' });
  });
});
