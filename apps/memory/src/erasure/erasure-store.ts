import type { Sql } from '@sigil/persistence';
import type { ErasureScope } from './erasure-request';

/** What an erasure removed: counts and names for the record, labels for the replicas' vector indexes. */
export interface Erased {
  resourcesErased: number;
  itemsErased: number;
  /** The erased items' categories, by name: their summaries are rebuilt without them. */
  categories: string[];
  removedLabels: bigint[];
}

/** The erasure as recorded (it names the scope and the counts, never the content). */
export interface ErasureRecord extends Omit<Erased, 'removedLabels'>, ErasureScope {
  erasureId: string;
}

// Only these column names ever reach the SQL text.
const SCOPE_COLUMN = { session: 'session_id', subject: 'subject_id' } as const;

/**
 * Deletes the scope's resources and every item of the scope or extracted from its resources, in the
 * caller's transaction. The resources are locked first: an extraction still inserting items from one
 * of them waits (its foreign key check) and then fails, so no item escapes the labels returned here
 * through the cascade.
 */
export async function eraseScope(sql: Sql, tenantId: string, { scope, scopeId }: ErasureScope): Promise<Erased> {
  const column = SCOPE_COLUMN[scope];
  const resources = await sql.query<{ id: string }>(`SELECT id FROM memory.resources WHERE tenant_id = $1 AND ${column} = $2 FOR UPDATE`, [tenantId, scopeId]);
  const items = await sql.query<{ label: string; category: string }>(
    // In a WITH, so that TypeORM answers with the rows (a DELETE alone answers [rows, count]).
    `WITH erased AS (
       DELETE FROM memory.memory_items WHERE tenant_id = $1 AND (${column} = $2 OR source_resource_id = ANY($3::uuid[]))
       RETURNING vector_label, category)
     SELECT vector_label::text AS label, category FROM erased`,
    [tenantId, scopeId, resources.map((resource) => resource.id)],
  );
  if (resources.length > 0) await sql.query(`DELETE FROM memory.resources WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [tenantId, resources.map((resource) => resource.id)]);
  return {
    resourcesErased: resources.length,
    itemsErased: items.length,
    categories: [...new Set(items.map((item) => item.category))].sort(),
    removedLabels: items.map((item) => BigInt(item.label)),
  };
}

/** Records the erasure; the record is what an auditor sees of it. */
export async function recordErasure(sql: Sql, tenantId: string, scope: ErasureScope, erased: Erased): Promise<ErasureRecord> {
  const [{ id }] = await sql.query<{ id: string }>(
    `INSERT INTO memory.erasures (tenant_id, scope, scope_id, resources_erased, items_erased, categories_rebuilt)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text AS id`,
    [tenantId, scope.scope, scope.scopeId, erased.resourcesErased, erased.itemsErased, erased.categories],
  );
  return { erasureId: id, ...scope, resourcesErased: erased.resourcesErased, itemsErased: erased.itemsErased, categories: erased.categories };
}
