import type { SearchCriteria } from '@sigil/memory';

/**
 * A search's filters as SQL conditions on `memory.memory_items` (each starting with AND), their
 * values appended to `params` as placeholders: the session, the category, and exclusive bounds on
 * the creation time. Every search path (vectors' candidates, full-text, the llm mode's items) narrows
 * by these, so a filter means the same whichever path found an item.
 */
export function itemFiltersOf(criteria: Omit<SearchCriteria, 'query' | 'k'>, params: unknown[]): string {
  const conditions = [
    ...(criteria.sessionId === undefined ? [] : [`session_id = $${params.push(criteria.sessionId)}`]),
    ...(criteria.category === undefined ? [] : [`category = $${params.push(criteria.category)}`]),
    ...(criteria.createdAfter === undefined ? [] : [`created_at > $${params.push(criteria.createdAfter)}`]),
    ...(criteria.createdBefore === undefined ? [] : [`created_at < $${params.push(criteria.createdBefore)}`]),
  ];
  return conditions.map((condition) => ` AND ${condition}`).join('');
}
