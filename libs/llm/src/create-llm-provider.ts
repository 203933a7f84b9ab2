import { AnthropicProvider } from './anthropic-provider';
import type { LlmSettings } from './llm-settings';
import { LocalProvider, type LocalAnswer } from './local-provider';
import { ResilientProvider, type ResilienceClock } from './resilient-provider';

/**
 * The provider a service uses: Claude when ANTHROPIC_API_KEY is set, otherwise the deterministic
 * local model answering with `localAnswer`; either way behind `ResilientProvider` (queue, timeout,
 * retries, circuit breaker, costs), with the request and token rate limits for Claude only.
 */
export function createLlmProvider(settings: LlmSettings, localAnswer: LocalAnswer, clock?: ResilienceClock): ResilientProvider {
  if (settings.anthropicApiKey) {
    const claude = new AnthropicProvider({ apiKey: settings.anthropicApiKey, baseUrl: settings.anthropicBaseUrl, model: settings.model });
    return new ResilientProvider(claude, settings.resilience, clock);
  }
  // The rate limits are the Anthropic account's allowances; the local model has none to respect.
  const unlimited = { ...settings.resilience, requestsPerMinute: Infinity, tokensPerMinute: Infinity };
  return new ResilientProvider(new LocalProvider(localAnswer, { latencyMs: settings.localLatencyMs }), unlimited, clock);
}
