import { decodeEmbedding } from '@sigil/memory';
import type { IndexedVector } from '@sigil/schemas';
import type { VectorFilter } from '../vector-index';

/** An item as the index holds it: its label, its vector and what filters look at. */
export interface IndexedItem {
  label: number;
  itemId: string;
  vector: Float32Array;
  sessionId?: string;
  category: string;
  createdAtMs: number;
}

/** hnswlib's labels are unsigned 32-bit; `vector_label` (an identity from 1) stays below that for 4 billion items. */
const MAX_LABEL = 0xffff_ffff;

export function labelOf(raw: bigint | string | number): number {
  const label = Number(raw);
  if (!Number.isInteger(label) || label < 1 || label > MAX_LABEL) throw new RangeError(`vector label ${String(raw)} is outside 1..${MAX_LABEL}`);
  return label;
}

/** A vector announced by `VectorsChanged`. */
export function itemOfEvent(vector: IndexedVector): IndexedItem {
  return {
    label: labelOf(vector.label),
    itemId: vector.itemId,
    vector: Float32Array.from(vector.embedding),
    sessionId: vector.sessionId || undefined,
    category: vector.category,
    createdAtMs: Date.parse(vector.createdAt),
  };
}

/** The columns an indexed item is read from (`memory.memory_items`). */
export interface IndexedItemRow {
  id: string;
  vector_label: string;
  embedding: Uint8Array;
  session_id: string | null;
  category: string;
  created_at: Date;
}

export const INDEXED_ITEM_COLUMNS = 'id::text AS id, vector_label::text AS vector_label, embedding, session_id, category, created_at';

export function itemOfRow(row: IndexedItemRow): IndexedItem {
  return {
    label: labelOf(row.vector_label),
    itemId: row.id,
    vector: decodeEmbedding(row.embedding),
    sessionId: row.session_id ?? undefined,
    category: row.category,
    createdAtMs: row.created_at.getTime(),
  };
}

/** Whether the item passes the filter (time bounds exclusive, as in the full-text search). */
export function matchesFilter(item: Pick<IndexedItem, 'sessionId' | 'category' | 'createdAtMs'>, filter: VectorFilter): boolean {
  return (
    (filter.sessionId === undefined || item.sessionId === filter.sessionId) &&
    (filter.category === undefined || item.category === filter.category) &&
    (filter.createdAfterMs === undefined || item.createdAtMs > filter.createdAfterMs) &&
    (filter.createdBeforeMs === undefined || item.createdAtMs < filter.createdBeforeMs)
  );
}

export function isUnfiltered(filter: VectorFilter): boolean {
  return filter.sessionId === undefined && filter.category === undefined && filter.createdAfterMs === undefined && filter.createdBeforeMs === undefined;
}
