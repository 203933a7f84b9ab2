import { Secret } from '@sigil/llm';
import { DEFAULT_EMBEDDING_DIMENSIONS } from '@sigil/memory';

export type EmbeddingProviderKind = 'local' | 'openai';

/** Where the remote provider is and how patient it is with it. */
export interface RemoteEmbeddingSettings {
  /** The API's base URL, `…/v1`: requests go to `{url}/embeddings`. */
  url: string;
  /** Absent: no Authorization header (self-hosted OpenAI-compatible servers often need none). */
  apiKey?: Secret;
  model: string;
  /** One attempt's limit. */
  timeoutMs: number;
  /** Further attempts after a 429, a 5xx, a timeout or a lost connection. */
  maxRetries: number;
  backoffBaseMs: number;
  /** No wait between attempts is longer; a retry-after beyond it fails the call instead. */
  backoffMaxMs: number;
}

export interface EmbeddingSettings {
  provider: EmbeddingProviderKind;
  /** Every vector's length; the index and the stored embeddings are sized by it. */
  dimensions: number;
  /** Only for the `openai` provider. */
  remote?: RemoteEmbeddingSettings;
}

export const EMBEDDING_DEFAULTS = {
  provider: 'local',
  model: 'text-embedding-3-small',
  timeoutMs: 30_000,
  maxRetries: 4,
  backoffBaseMs: 500,
  backoffMaxMs: 20_000,
} as const;

/** OpenAI's widest model has 3,072; beyond a few thousand a vector is a configuration mistake. */
const MAX_DIMENSIONS = 8_192;

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

function providerKind(env: Env): EmbeddingProviderKind {
  const raw = text(env, 'SIGIL_EMBEDDINGS_PROVIDER') ?? EMBEDDING_DEFAULTS.provider;
  if (raw !== 'local' && raw !== 'openai') throw new Error(`SIGIL_EMBEDDINGS_PROVIDER must be "local" or "openai", got "${raw}"`);
  return raw;
}

/** The base URL without a trailing slash; anything but http(s) is refused. */
function baseUrl(env: Env): string {
  const raw = text(env, 'SIGIL_EMBEDDINGS_URL');
  if (!raw) throw new Error('SIGIL_EMBEDDINGS_URL is required when SIGIL_EMBEDDINGS_PROVIDER is "openai" (e.g. https://api.openai.com/v1)');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SIGIL_EMBEDDINGS_URL must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`SIGIL_EMBEDDINGS_URL must be an http(s) URL, got "${raw}"`);
  if (url.username || url.password) throw new Error('SIGIL_EMBEDDINGS_URL must not carry credentials; put the key in SIGIL_EMBEDDINGS_API_KEY');
  return url.href.replace(/\/+$/, '');
}

function remoteSettings(env: Env): RemoteEmbeddingSettings {
  const apiKey = text(env, 'SIGIL_EMBEDDINGS_API_KEY');
  const settings: RemoteEmbeddingSettings = {
    url: baseUrl(env),
    apiKey: apiKey ? new Secret(apiKey) : undefined,
    model: text(env, 'SIGIL_EMBEDDINGS_MODEL') ?? EMBEDDING_DEFAULTS.model,
    timeoutMs: integer(env, 'SIGIL_EMBEDDINGS_TIMEOUT_MS', EMBEDDING_DEFAULTS.timeoutMs, 1),
    maxRetries: integer(env, 'SIGIL_EMBEDDINGS_MAX_RETRIES', EMBEDDING_DEFAULTS.maxRetries, 0, 10),
    backoffBaseMs: integer(env, 'SIGIL_EMBEDDINGS_BACKOFF_BASE_MS', EMBEDDING_DEFAULTS.backoffBaseMs, 0),
    backoffMaxMs: integer(env, 'SIGIL_EMBEDDINGS_BACKOFF_MAX_MS', EMBEDDING_DEFAULTS.backoffMaxMs, 0),
  };
  if (settings.backoffMaxMs < settings.backoffBaseMs) {
    throw new Error(`SIGIL_EMBEDDINGS_BACKOFF_MAX_MS (${settings.backoffMaxMs}) must not be below SIGIL_EMBEDDINGS_BACKOFF_BASE_MS (${settings.backoffBaseMs})`);
  }
  return settings;
}

/**
 * SIGIL_EMBEDDINGS_PROVIDER (local|openai), SIGIL_EMBEDDINGS_URL, SIGIL_EMBEDDINGS_API_KEY,
 * SIGIL_EMBEDDINGS_MODEL, SIGIL_EMBEDDINGS_TIMEOUT_MS, SIGIL_EMBEDDINGS_MAX_RETRIES,
 * SIGIL_EMBEDDINGS_BACKOFF_BASE_MS / _MAX_MS and SIGIL_MEMORY_EMBEDDING_DIMENSIONS; a bad value
 * stops the memory service from starting, naming the variable (never the key's value).
 */
export function embeddingSettingsFromEnv(env: Env): EmbeddingSettings {
  const provider = providerKind(env);
  const dimensions = integer(env, 'SIGIL_MEMORY_EMBEDDING_DIMENSIONS', DEFAULT_EMBEDDING_DIMENSIONS, 1, MAX_DIMENSIONS);
  return provider === 'openai' ? { provider, dimensions, remote: remoteSettings(env) } : { provider, dimensions };
}
