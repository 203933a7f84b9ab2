import type { Sql } from '@sigil/persistence';

/**
 * A category this replica holds the lease of. `dirtySince` and `leaseUntil` are Postgres's own text
 * for the timestamps (microseconds; a JS Date keeps milliseconds), compared again when finishing.
 */
export interface ClaimedCategory {
  tenantId: string;
  name: string;
  dirtySince: string;
  leaseUntil: string;
}

/** An item as its category's summary is built from. */
export interface ConsolidatedItem {
  itemId: string;
  content: string;
  confidence: number;
}

/** At most this many items go into a summary: the most confident, then the newest. */
export const MAX_ITEMS_PER_SUMMARY = 200;

/**
 * Claims one category that has been dirty for at least the delay and is not leased, oldest first,
 * for `leaseMs`. `SKIP LOCKED` lets replicas claim side by side, and a row a store is marking right
 * now is taken by a later sweep. An expired lease (its replica died) is claimable again.
 */
export async function claimDueCategory(sql: Sql, delayMs: number, leaseMs: number): Promise<ClaimedCategory | undefined> {
  const [claimed] = await sql.query<ClaimedCategory>(
    // In a WITH, so that TypeORM answers with the rows (an UPDATE alone answers [rows, count]).
    `WITH claimed AS (
       UPDATE memory.categories AS category SET lease_until = clock_timestamp() + make_interval(secs => $2)
       FROM (SELECT tenant_id, name FROM memory.categories
             WHERE dirty_since <= now() - make_interval(secs => $1) AND (lease_until IS NULL OR lease_until < now())
             ORDER BY dirty_since LIMIT 1 FOR UPDATE SKIP LOCKED) AS due
       WHERE category.tenant_id = due.tenant_id AND category.name = due.name
       RETURNING category.tenant_id, category.name, category.dirty_since, category.lease_until)
     SELECT tenant_id AS "tenantId", name, dirty_since::text AS "dirtySince", lease_until::text AS "leaseUntil" FROM claimed`,
    [delayMs / 1_000, leaseMs / 1_000],
  );
  return claimed;
}

/** The items a category's summary is built from (bounded) and how many it has in all. */
export async function itemsToConsolidate(sql: Sql, { tenantId, name }: ClaimedCategory): Promise<{ items: ConsolidatedItem[]; itemCount: number }> {
  const rows = await sql.query<ConsolidatedItem & { total: string }>(
    `SELECT id::text AS "itemId", content, confidence, count(*) OVER () AS total FROM memory.memory_items
     WHERE tenant_id = $1 AND category = $2 ORDER BY confidence DESC, created_at DESC, id LIMIT $3`,
    [tenantId, name, MAX_ITEMS_PER_SUMMARY],
  );
  return { items: rows.map(({ itemId, content, confidence }) => ({ itemId, content, confidence })), itemCount: rows.length > 0 ? Number(rows[0].total) : 0 };
}

/**
 * Stores the rebuilt summary if the lease is still this replica's, and releases it. The category is
 * clean afterwards only if nothing marked it since the claim (a mark during the lease moves
 * `dirty_since`); otherwise it stays due and the next sweep rebuilds it again. False: the lease was
 * lost (it expired and another replica claimed the category), and nothing was stored.
 */
export async function finishConsolidation(sql: Sql, claimed: ClaimedCategory, summary: string, itemCount: number): Promise<boolean> {
  const updated = await sql.query<{ name: string }>(
    `WITH finished AS (
       UPDATE memory.categories SET summary_markdown = $3, item_count = $4, last_consolidated_at = now(), updated_at = now(), lease_until = NULL,
         dirty_since = CASE WHEN dirty_since = $5::timestamptz THEN NULL ELSE dirty_since END
       WHERE tenant_id = $1 AND name = $2 AND lease_until = $6::timestamptz
       RETURNING name)
     SELECT name FROM finished`,
    [claimed.tenantId, claimed.name, summary, itemCount, claimed.dirtySince, claimed.leaseUntil],
  );
  return updated.length > 0;
}
