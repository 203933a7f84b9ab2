import type { ResilienceSettings } from './resilience-settings';
import { Secret } from './secret';

export interface LlmSettings {
  /** Absent: the deterministic local provider answers. */
  anthropicApiKey?: Secret;
  anthropicBaseUrl?: string;
  model: string;
  /** The default output limit of a call (callers put it in `LlmRequest.maxOutputTokens`). */
  maxOutputTokens: number;
  /**
   * The default sampling temperature for callers' requests. Anthropic's API version 2026-10-21
   * (which `@anthropic-ai/sdk` 1.x speaks) rejects sampling parameters, so `AnthropicProvider`
   * does not send it; the local provider is deterministic.
   */
  temperature: number;
  /** The local provider's simulated model latency per call. */
  localLatencyMs: number;
  resilience: ResilienceSettings;
}

export const LLM_DEFAULTS = {
  model: 'claude-sonnet-5-5',
  maxOutputTokens: 4_096,
  temperature: 0.7,
  localLatencyMs: 0,
  resilience: {
    requestsPerMinute: 50,
    tokensPerMinute: 400_000,
    maxConcurrency: 8,
    maxQueue: 500,
    timeoutMs: 60_000,
    maxRetries: 4,
    backoffBaseMs: 500,
    backoffMaxMs: 30_000,
    circuitFailureThreshold: 5,
    circuitCoolDownMs: 30_000,
    rateWindowMs: 60_000,
  },
} as const satisfies Omit<LlmSettings, 'anthropicApiKey' | 'anthropicBaseUrl'>;

type Env = Record<string, string | undefined>;

function numberFrom(env: Env, name: string, fallback: number, { integer = true, min = 0 } = {}): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new Error(`${name} must be ${integer ? 'an integer' : 'a number'} of at least ${min}, got "${raw}"`);
  }
  return value;
}

function stringFrom(env: Env, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

/** The LLM layer's settings from the environment (the names and defaults the README lists). */
export function llmSettingsFromEnv(env: Env = process.env): LlmSettings {
  const apiKey = stringFrom(env, 'ANTHROPIC_API_KEY');
  const defaults = LLM_DEFAULTS.resilience;
  return {
    anthropicApiKey: apiKey ? new Secret(apiKey) : undefined,
    anthropicBaseUrl: stringFrom(env, 'ANTHROPIC_BASE_URL'),
    model: stringFrom(env, 'SIGIL_LLM_MODEL') ?? LLM_DEFAULTS.model,
    maxOutputTokens: numberFrom(env, 'SIGIL_LLM_MAX_TOKENS', LLM_DEFAULTS.maxOutputTokens, { min: 1 }),
    temperature: numberFrom(env, 'SIGIL_LLM_TEMPERATURE', LLM_DEFAULTS.temperature, { integer: false }),
    localLatencyMs: numberFrom(env, 'SIGIL_LOCAL_LLM_LATENCY_MS', LLM_DEFAULTS.localLatencyMs),
    resilience: {
      requestsPerMinute: numberFrom(env, 'SIGIL_LLM_REQUESTS_PER_MINUTE', defaults.requestsPerMinute, { min: 1 }),
      tokensPerMinute: numberFrom(env, 'SIGIL_LLM_TOKENS_PER_MINUTE', defaults.tokensPerMinute, { min: 1 }),
      maxConcurrency: numberFrom(env, 'SIGIL_LLM_MAX_CONCURRENCY', defaults.maxConcurrency, { min: 1 }),
      maxQueue: numberFrom(env, 'SIGIL_LLM_MAX_QUEUE', defaults.maxQueue),
      timeoutMs: numberFrom(env, 'SIGIL_LLM_TIMEOUT_MS', defaults.timeoutMs, { min: 1 }),
      maxRetries: numberFrom(env, 'SIGIL_LLM_MAX_RETRIES', defaults.maxRetries),
      backoffBaseMs: numberFrom(env, 'SIGIL_LLM_BACKOFF_BASE_MS', defaults.backoffBaseMs),
      backoffMaxMs: numberFrom(env, 'SIGIL_LLM_BACKOFF_MAX_MS', defaults.backoffMaxMs),
      circuitFailureThreshold: numberFrom(env, 'SIGIL_LLM_CIRCUIT_FAILURES', defaults.circuitFailureThreshold, { min: 1 }),
      circuitCoolDownMs: numberFrom(env, 'SIGIL_LLM_CIRCUIT_COOLDOWN_MS', defaults.circuitCoolDownMs),
      rateWindowMs: defaults.rateWindowMs,
    },
  };
}
