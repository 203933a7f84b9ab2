import { categoryProblem, charCount, type Checked, checked, DEFAULT_K, idProblem, MAX_K, MAX_QUERY_CHARS } from '../memory-rules';
import { parseRfc3339 } from './rfc3339';

/** rag: vectors fused with full-text search; llm: the model reads summaries then items; hybrid: rag, escalating to llm when unsure. */
export const SEARCH_MODES = ['rag', 'llm', 'hybrid'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];
export const DEFAULT_SEARCH_MODE: SearchMode = 'hybrid';

/** A tenant's search: the best `k` items for the query, optionally within a session, a category and a creation time range. */
export interface SearchCriteria {
  query: string;
  k: number;
  sessionId?: string;
  category?: string;
  /** Exclusive bounds on the item's creation time. */
  createdAfter?: Date;
  createdBefore?: Date;
}

export interface SearchRequest extends SearchCriteria {
  mode: SearchMode;
}

/** The fields of `SearchMemoryRequest` (proto3: empty or 0 means unset) that a search is made of. */
export interface SearchRequestFields {
  query: string;
  k: number;
  sessionId: string;
  category: string;
  mode: string;
  createdAfter: string;
  createdBefore: string;
}

const isSearchMode = (mode: string): mode is SearchMode => (SEARCH_MODES as readonly string[]).includes(mode);

function timeProblem(field: string, text: string, time: Date | undefined): string | undefined {
  return text && !time ? `${field} must be an RFC 3339 timestamp (e.g. 2025-01-31T09:30:00Z), not '${text}'` : undefined;
}

/**
 * Checks a search request, listing every problem. The query is trimmed (1..2,000 characters); k 0
 * means 5, else 1..50; an empty mode means hybrid; an empty session, category or bound means any;
 * created_after must be before created_before.
 */
export function searchRequestOf(request: SearchRequestFields): Checked<SearchRequest> {
  const query = request.query.trim();
  const length = charCount(query);
  const k = request.k || DEFAULT_K;
  const mode = request.mode || DEFAULT_SEARCH_MODE;
  const createdAfter = request.createdAfter ? parseRfc3339(request.createdAfter) : undefined;
  const createdBefore = request.createdBefore ? parseRfc3339(request.createdBefore) : undefined;
  return checked(
    [
      length < 1 || length > MAX_QUERY_CHARS ? `query must be 1 to ${MAX_QUERY_CHARS} characters, not ${length}` : undefined,
      Number.isInteger(k) && k >= 1 && k <= MAX_K ? undefined : `k must be 1 to ${MAX_K}, not ${k}`,
      isSearchMode(mode) ? undefined : `mode must be one of ${SEARCH_MODES.join(', ')}, not '${mode}'`,
      request.category ? categoryProblem(request.category) : undefined,
      idProblem('session_id', request.sessionId),
      timeProblem('created_after', request.createdAfter, createdAfter),
      timeProblem('created_before', request.createdBefore, createdBefore),
      createdAfter && createdBefore && createdAfter.getTime() >= createdBefore.getTime() ? 'created_after must be before created_before' : undefined,
    ],
    () => ({
      query,
      k,
      mode: mode as SearchMode,
      ...(request.sessionId && { sessionId: request.sessionId }),
      ...(request.category && { category: request.category }),
      ...(createdAfter && { createdAfter }),
      ...(createdBefore && { createdBefore }),
    }),
  );
}
