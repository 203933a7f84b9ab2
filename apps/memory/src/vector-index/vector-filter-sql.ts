import { itemFiltersOf } from '../retrieval/item-filters';
import type { VectorFilter } from './vector-index';

/** The filter as SQL conditions on `memory.memory_items`, the same the full-text search applies. */
export function vectorFilterSql(filter: VectorFilter, params: unknown[]): string {
  const at = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms));
  return itemFiltersOf({ sessionId: filter.sessionId, category: filter.category, createdAfter: at(filter.createdAfterMs), createdBefore: at(filter.createdBeforeMs) }, params);
}
