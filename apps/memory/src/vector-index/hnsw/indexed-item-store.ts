import type { DataSource } from 'typeorm';
import { vectorFilterSql } from '../vector-filter-sql';
import type { VectorFilter } from '../vector-index';
import { INDEXED_ITEM_COLUMNS, itemOfRow, type IndexedItem, type IndexedItemRow } from './indexed-item';

export interface TenantItem {
  tenantId: string;
  item: IndexedItem;
}

/**
 * Every tenant's embedded items in pages of `vector_label` (keyset, on its unique index): the
 * snapshot a replica's index is rebuilt from. The one read across tenants, as the index holds every
 * tenant's items (each in its own tenant's graph). Items embedded by another model are left out:
 * their vectors are not comparable with queries embedded by this one.
 */
export async function* embeddedItems(dataSource: DataSource, model: string, pageSize: number): AsyncGenerator<TenantItem[]> {
  let after = '0';
  for (;;) {
    const rows = await dataSource.query<(IndexedItemRow & { tenant_id: string })[]>(
      `SELECT tenant_id, ${INDEXED_ITEM_COLUMNS} FROM memory.memory_items
       WHERE vector_label > $1 AND embedding IS NOT NULL AND embedding_model = $2
       ORDER BY vector_label LIMIT $3`,
      [after, model, pageSize],
    );
    if (rows.length === 0) return;
    yield rows.map((row) => ({ tenantId: row.tenant_id, item: itemOfRow(row) }));
    after = rows[rows.length - 1].vector_label;
  }
}

/** At most this many of a tenant's latest items are checked for read-your-writes. */
export const MAX_RECENT_ITEMS = 10_000;

/** The labels of the tenant's items created in the last `windowMs` that pass the filter, latest first. */
export async function recentLabels(dataSource: DataSource, tenantId: string, model: string, windowMs: number, filter: VectorFilter): Promise<number[]> {
  const params: unknown[] = [tenantId, model, windowMs, MAX_RECENT_ITEMS];
  const filters = vectorFilterSql(filter, params);
  const rows = await dataSource.query<{ vector_label: string }[]>(
    `SELECT vector_label::text AS vector_label FROM memory.memory_items
     WHERE tenant_id = $1 AND created_at > now() - $3 * interval '1 millisecond'
       AND embedding IS NOT NULL AND embedding_model = $2${filters}
     ORDER BY created_at DESC LIMIT $4`,
    params,
  );
  return rows.map((row) => Number(row.vector_label));
}

/** The tenant's items with these labels (those that still exist). */
export async function itemsWithLabels(dataSource: DataSource, tenantId: string, labels: number[]): Promise<IndexedItem[]> {
  const rows = await dataSource.query<IndexedItemRow[]>(
    `SELECT ${INDEXED_ITEM_COLUMNS} FROM memory.memory_items WHERE tenant_id = $1 AND vector_label = ANY($2::bigint[])`,
    [tenantId, labels],
  );
  return rows.map(itemOfRow);
}
