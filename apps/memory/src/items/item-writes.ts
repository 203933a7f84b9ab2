import { Events } from '@sigil/catalog';
import type { TenantTransaction } from '@sigil/persistence';
import { markCategoriesDirty } from '../categories/category-marks';
import { insertItems, type ItemRecord, type StoredItem } from './item-store';

/**
 * Vectors per `VectorsChanged`: 200 vectors of 384 floats are about 320 KB, well inside NATS's
 * 1 MB message limit (a batch of 1,000 items is five events).
 */
export const VECTORS_PER_EVENT = 200;

function chunksOf<T>(values: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(values.length / size) }, (_, index) => values.slice(index * size, (index + 1) * size));
}

/**
 * Stores the items and, in the same transaction, marks the categories they were added to for
 * consolidation and announces their vectors to every replica's index (through the outbox, so an
 * index never holds an item that was not committed, nor misses one that was).
 */
export async function storeItems(tx: TenantTransaction, items: ItemRecord[], embeddingModel: string): Promise<StoredItem[]> {
  if (items.length === 0) return [];
  const inserted = await insertItems(tx, tx.tenantId, items, embeddingModel);
  await markCategoriesDirty(tx, tx.tenantId, inserted.categories);
  for (const upserted of chunksOf(inserted.vectors, VECTORS_PER_EVENT)) tx.emit(Events.VectorsChanged, { upserted });
  return inserted.results;
}
