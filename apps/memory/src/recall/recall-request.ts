import { MAX_K, MAX_QUERY_CHARS, type SearchMode, type SearchRequest } from '@sigil/memory';

export interface RecallSettings {
  /** SIGIL_MEMORY_RECALL_MODE: how a run's recall retrieves; rag keeps the model off the run's critical path. */
  mode: SearchMode;
  /** SIGIL_MEMORY_RECALL_K: the items a run's recall looks for (1..50). */
  k: number;
  /** SIGIL_MEMORY_TOKEN_ALLOWANCE: the recalled items fit in this many tokens. */
  maxTokens: number;
}

export const DEFAULT_RECALL_SETTINGS: RecallSettings = { mode: 'rag', k: 8, maxTokens: 4_000 };

export interface Recall {
  /** Absent when the input has nothing to search for: the answer is then empty. */
  search?: SearchRequest;
  maxTokens: number;
}

/**
 * What a run's recall searches for: the run's input (only the start of a long one), for k items in
 * the recall's mode. A run is answered, never refused (the planner may wait for it). The search
 * covers all the tenant's items, every session alike: items are what the tenant's agents know, and
 * the session's own conversation reaches the prompt as its history.
 */
export function recallOf(input: string, settings: RecallSettings): Recall {
  const query = [...input.trim()].slice(0, MAX_QUERY_CHARS).join('');
  const k = Math.min(Math.max(settings.k, 1), MAX_K);
  return query ? { search: { query, k, mode: settings.mode }, maxTokens: settings.maxTokens } : { maxTokens: settings.maxTokens };
}
