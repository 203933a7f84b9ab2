import type { RecallRequested } from '@sigil/schemas';
import { DEFAULT_K, MAX_K, MAX_QUERY_CHARS } from '../items/memory-rules';
import type { SearchCriteria } from '../items/search-criteria';

/** The allowance when a request does not give one (0): the planner's own default, `SIGIL_MEMORY_TOKEN_ALLOWANCE`. */
export const DEFAULT_ALLOWANCE_TOKENS = 4_000;

export interface Recall {
  /** Absent when the query has nothing to search for: the answer is then empty. */
  criteria?: SearchCriteria;
  maxTokens: number;
}

/**
 * What a recall searches for. A request is answered, never refused (the planner waits for the
 * answer): k is brought into 1..MAX_K (0 means the default), and only the start of a long query is
 * searched. The search covers all the tenant's items, every session alike: items are what the
 * tenant's agents know, and the session's own conversation reaches the prompt as its history.
 */
export function recallOf(request: RecallRequested): Recall {
  const query = [...request.query.trim()].slice(0, MAX_QUERY_CHARS).join('');
  const k = request.k > 0 ? Math.min(request.k, MAX_K) : DEFAULT_K;
  const maxTokens = request.maxTokens > 0n ? Number(request.maxTokens) : DEFAULT_ALLOWANCE_TOKENS;
  return query ? { criteria: { query, k }, maxTokens } : { maxTokens };
}
