import type { PageWindow, Sql } from '@sigil/persistence';
import type { Category } from '@sigil/schemas';
import { categoryOf, type CategoryRow } from './category-view';

const COLUMNS = `name, summary_markdown, item_count, last_consolidated_at, dirty_since, updated_at`;

/** A page of the tenant's categories by name, with how many there are in all. */
export async function listCategories(sql: Sql, tenantId: string, window: PageWindow): Promise<{ categories: Category[]; total: number }> {
  const rows = await sql.query<CategoryRow & { total: string }>(
    `SELECT ${COLUMNS}, count(*) OVER () AS total FROM memory.categories WHERE tenant_id = $1 ORDER BY name LIMIT $2 OFFSET $3`,
    [tenantId, window.limit, window.offset],
  );
  // A page past the end has no rows to carry the total: count alone then.
  const total = rows.length > 0 ? Number(rows[0].total) : await countCategories(sql, tenantId);
  return { categories: rows.map((row) => categoryOf(row, { withSummary: false })), total };
}

async function countCategories(sql: Sql, tenantId: string): Promise<number> {
  const [{ total }] = await sql.query<{ total: string }>(`SELECT count(*) AS total FROM memory.categories WHERE tenant_id = $1`, [tenantId]);
  return Number(total);
}

/** The tenant's category with its summary, if it has one by that name. */
export async function getCategory(sql: Sql, tenantId: string, name: string): Promise<Category | undefined> {
  const [row] = await sql.query<CategoryRow>(`SELECT ${COLUMNS} FROM memory.categories WHERE tenant_id = $1 AND name = $2`, [tenantId, name]);
  return row && categoryOf(row, { withSummary: true });
}
