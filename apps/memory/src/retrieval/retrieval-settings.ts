import { DEFAULT_HYBRID_THRESHOLD, MAX_K, SEARCH_MODES, type SearchMode } from '@sigil/memory';
import { DEFAULT_RECALL_SETTINGS, type RecallSettings } from '../recall/recall-request';

export interface RetrievalSettings {
  /** SIGIL_MEMORY_HYBRID_THRESHOLD: a hybrid search whose best rag score is below this asks the model (0..1). */
  hybridThreshold: number;
  /**
   * SIGIL_MEMORY_MIN_SCORE: the least fused score (0..1) a rag result needs. Nearest-neighbour search
   * always finds neighbours; one that shares nothing with the query is not a result. The default
   * keeps a vector-only match from about 0.21 cosine similarity (the local embeddings' unrelated
   * texts stay below 0.14), and the query's best full-text match always (it scores 0.3 by itself).
   */
  minScore: number;
  recall: RecallSettings;
}

export const DEFAULT_RETRIEVAL_SETTINGS: RetrievalSettings = { hybridThreshold: DEFAULT_HYBRID_THRESHOLD, minScore: 0.15, recall: DEFAULT_RECALL_SETTINGS };

export const RETRIEVAL_SETTINGS = Symbol('RETRIEVAL_SETTINGS');

const isSearchMode = (mode: string): mode is SearchMode => (SEARCH_MODES as readonly string[]).includes(mode);

/** The retrieval settings from the environment; a bad value stops memory from starting. */
export function retrievalSettingsFromEnv(env: NodeJS.ProcessEnv): RetrievalSettings {
  const recallMode = env.SIGIL_MEMORY_RECALL_MODE?.trim() || DEFAULT_RECALL_SETTINGS.mode;
  if (!isSearchMode(recallMode)) throw new Error(`SIGIL_MEMORY_RECALL_MODE must be one of ${SEARCH_MODES.join(', ')}, got "${recallMode}"`);
  return {
    hybridThreshold: fractionFrom(env, 'SIGIL_MEMORY_HYBRID_THRESHOLD', DEFAULT_RETRIEVAL_SETTINGS.hybridThreshold),
    minScore: fractionFrom(env, 'SIGIL_MEMORY_MIN_SCORE', DEFAULT_RETRIEVAL_SETTINGS.minScore),
    recall: {
      mode: recallMode,
      k: integerFrom(env, 'SIGIL_MEMORY_RECALL_K', DEFAULT_RECALL_SETTINGS.k, MAX_K),
      maxTokens: integerFrom(env, 'SIGIL_MEMORY_TOKEN_ALLOWANCE', DEFAULT_RECALL_SETTINGS.maxTokens, Number.MAX_SAFE_INTEGER),
    },
  };
}

function integerFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1 || value > max) throw new Error(`${name} must be an integer from 1 to ${max}, got "${raw}"`);
  return value;
}

function fractionFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!(value >= 0 && value <= 1)) throw new Error(`${name} must be a number from 0 to 1, got "${raw}"`);
  return value;
}
