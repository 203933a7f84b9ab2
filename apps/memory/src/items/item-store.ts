import type { MemoryHit } from '@sigil/schemas';
import type { Sql } from '@sigil/persistence';
import { type FoundItemRow, memoryHitOf } from './memory-hits';
import type { SearchCriteria } from './search-criteria';
import type { NewItem } from './store-request';

export interface StoredItem {
  itemId: string;
  /** False when the idempotency key had already stored an item, which is the one returned. */
  created: boolean;
}

/** Stores the item once per idempotency key and tenant; a repeated key returns the first item whatever its content. */
export async function storeItem(sql: Sql, tenantId: string, item: NewItem): Promise<StoredItem> {
  const inserted = await sql.query<{ id: string }>(
    `INSERT INTO memory.memory_items (tenant_id, session_id, category, content, run_id, idempotency_key)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
     RETURNING id::text AS id`,
    [tenantId, item.sessionId, item.category, item.content, item.runId, item.idempotencyKey],
  );
  if (inserted.length > 0) return { itemId: inserted[0].id, created: true };
  // Only a key conflict inserts nothing; the conflicting row has committed by the time this statement runs.
  const [first] = await sql.query<{ id: string }>(`SELECT id::text AS id FROM memory.memory_items WHERE tenant_id = $1 AND idempotency_key = $2`, [
    tenantId,
    item.idempotencyKey,
  ]);
  if (!first) throw new Error(`the item stored under idempotency key ${item.idempotencyKey} is gone`);
  return { itemId: first.id, created: false };
}

/**
 * The tenant's best `k` items for the query by Postgres full-text search, best first. Any of the
 * query's words matches (the lexemes are OR-ed: a question rarely shares every word with the fact
 * that answers it), and `ts_rank_cd` ranks items with more, and closer, matching words higher;
 * its normalisation 32 (rank / (rank + 1)) makes the score 0..1. A query of stop words only finds nothing.
 */
export async function searchItems(sql: Sql, tenantId: string, criteria: SearchCriteria): Promise<MemoryHit[]> {
  const params: unknown[] = [tenantId, criteria.query, criteria.k];
  const filters = [
    ...(criteria.sessionId === undefined ? [] : [`session_id = $${params.push(criteria.sessionId)}`]),
    ...(criteria.category === undefined ? [] : [`category = $${params.push(criteria.category)}`]),
  ];
  const rows = await sql.query<FoundItemRow>(
    `WITH search AS (SELECT replace(plainto_tsquery('english', $2)::text, ' & ', ' | ')::tsquery AS terms)
     SELECT id::text AS id, session_id, category, content, source_resource_id::text AS source_resource_id, created_at,
            ts_rank_cd(search_vector, search.terms, 32) AS score
     FROM memory.memory_items, search
     WHERE tenant_id = $1 AND search_vector @@ search.terms ${filters.map((filter) => `AND ${filter}`).join(' ')}
     ORDER BY score DESC, created_at DESC, id
     LIMIT $3`,
    params,
  );
  return rows.map(memoryHitOf);
}
