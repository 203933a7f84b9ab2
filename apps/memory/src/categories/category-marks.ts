import type { Sql } from '@sigil/persistence';

/**
 * Marks the tenant's categories as changed, in the transaction that changed their items, so the
 * consolidation sweeper rebuilds their summaries. A burst of changes is one consolidation: an
 * already dirty category keeps its earliest `dirty_since` (the delay counts from the first change).
 * While a consolidation holds the category's lease it is reading the items, so the change moves
 * `dirty_since` instead: the consolidation sees that it changed and leaves the category due.
 *
 * `dueAfterMs` backdates the mark: 0 waits the whole consolidation delay (new items), the delay
 * itself makes the category due at the next sweep (erasure). Names are deduplicated and taken in
 * order, so concurrent transactions lock category rows in the same order.
 */
export async function markCategoriesDirty(sql: Sql, tenantId: string, names: Iterable<string>, backdateMs = 0): Promise<void> {
  const sorted = [...new Set(names)].sort();
  if (sorted.length === 0) return;
  await sql.query(
    `INSERT INTO memory.categories (tenant_id, name, dirty_since)
     SELECT $1, name, clock_timestamp() - make_interval(secs => $3) FROM unnest($2::text[]) AS name
     ON CONFLICT (tenant_id, name) DO UPDATE SET dirty_since = CASE
       WHEN categories.lease_until > now() THEN EXCLUDED.dirty_since
       ELSE LEAST(categories.dirty_since, EXCLUDED.dirty_since)
     END`,
    [tenantId, sorted, backdateMs / 1_000],
  );
}
