import type { SearchMemoryRequest } from '@sigil/schemas';
import { categoryProblem, charCount, type Checked, checked, DEFAULT_K, idProblem, MAX_K, MAX_QUERY_CHARS } from './memory-rules';

/** A tenant's search: the best `k` items for the query, optionally within one session and one category. */
export interface SearchCriteria {
  query: string;
  k: number;
  sessionId?: string;
  category?: string;
}

/** Checks a search request; k 0 (unset) means the default, an empty session or category means any. */
export function searchCriteriaOf(request: SearchMemoryRequest): Checked<SearchCriteria> {
  const query = request.query.trim();
  const length = charCount(query);
  const k = request.k || DEFAULT_K;
  return checked(
    [
      length < 1 || length > MAX_QUERY_CHARS ? `query must be 1 to ${MAX_QUERY_CHARS} characters, not ${length}` : undefined,
      Number.isInteger(k) && k >= 1 && k <= MAX_K ? undefined : `k must be 1 to ${MAX_K}, not ${k}`,
      request.category ? categoryProblem(request.category) : undefined,
      idProblem('session_id', request.sessionId),
    ],
    () => ({ query, k, ...(request.sessionId && { sessionId: request.sessionId }), ...(request.category && { category: request.category }) }),
  );
}
