import type { CategoryOverview, SearchCriteria } from '@sigil/memory';
import type { Sql } from '@sigil/persistence';
import type { FoundItemRow } from '../items/memory-hits';
import { itemFiltersOf } from './item-filters';

/** An item as a search returns it, before it is scored. */
export type ItemRow = Omit<FoundItemRow, 'score'>;

type Filters = Omit<SearchCriteria, 'query' | 'k'>;

const ITEM_COLUMNS = `id::text AS id, session_id, category, content, confidence, source_resource_id::text AS source_resource_id, created_at`;

/** The llm mode shows the model at most this many categories, each summary cut to this many characters. */
export const MAX_CATEGORY_OVERVIEWS = 50;
export const MAX_OVERVIEW_SUMMARY_CHARS = 1_000;

/**
 * The tenant's items with these ids that still exist and pass the filters, by id. Candidates come
 * from the vector index, a projection that may lag: an erased item is gone from here at once, and
 * the filters are checked against the rows themselves.
 */
export async function itemsByIds(sql: Sql, tenantId: string, ids: string[], filters: Filters): Promise<Map<string, ItemRow>> {
  if (ids.length === 0) return new Map();
  const params: unknown[] = [tenantId, ids];
  const rows = await sql.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM memory.memory_items WHERE tenant_id = $1 AND id = ANY($2::uuid[])${itemFiltersOf(filters, params)}`, params);
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * What the llm mode shows the model first: the tenant's categories that hold items (or are about to:
 * changed, not yet consolidated), largest first, with the start of their summaries.
 */
export async function categoryOverviews(sql: Sql, tenantId: string): Promise<CategoryOverview[]> {
  return sql.query<CategoryOverview>(
    `SELECT name, left(summary_markdown, $2) AS summary FROM memory.categories
     WHERE tenant_id = $1 AND (item_count > 0 OR dirty_since IS NOT NULL)
     ORDER BY item_count DESC, name LIMIT $3`,
    [tenantId, MAX_OVERVIEW_SUMMARY_CHARS, MAX_CATEGORY_OVERVIEWS],
  );
}

/** The items of the categories the model chose that pass the filters: the most confident, then the newest, at most `limit`. */
export async function itemsOfCategories(sql: Sql, tenantId: string, categories: string[], filters: Filters, limit: number): Promise<ItemRow[]> {
  if (categories.length === 0) return [];
  const params: unknown[] = [tenantId, categories, limit];
  return sql.query<ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM memory.memory_items WHERE tenant_id = $1 AND category = ANY($2::text[])${itemFiltersOf(filters, params)}
     ORDER BY confidence DESC, created_at DESC, id LIMIT $3`,
    params,
  );
}
