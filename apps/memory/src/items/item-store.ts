import type { MessageInitShape } from '@bufbuild/protobuf';
import { encodeEmbedding, type SearchCriteria } from '@sigil/memory';
import type { Sql } from '@sigil/persistence';
import type { IndexedVectorSchema, MemoryHit } from '@sigil/schemas';
import { randomUUID } from 'node:crypto';
import { itemFiltersOf } from '../retrieval/item-filters';
import { type FoundItemRow, memoryHitOf } from './memory-hits';

/** An item ready to store: checked, embedded and attributed to where it came from. */
export interface ItemRecord {
  content: string;
  category: string;
  confidence: number;
  sessionId: string | null;
  subjectId: string | null;
  runId: string | null;
  /** The resource it was extracted from; null for an item stored directly. */
  sourceResourceId: string | null;
  idempotencyKey: string | null;
  embedding: Float32Array;
}

export interface StoredItem {
  itemId: string;
  /** False when the idempotency key had already stored an item, which is the one returned. */
  created: boolean;
}

export type NewVector = MessageInitShape<typeof IndexedVectorSchema>;

export interface InsertedItems {
  /** One per item, in the items' order. */
  results: StoredItem[];
  /** The vectors of the items created now, for the replicas' indexes. */
  vectors: NewVector[];
  /** The categories of the items created now. */
  categories: string[];
}

interface InsertedRow {
  id: string;
  vector_label: string;
  created_at: Date;
}

/**
 * The items' embeddings as one bytea of equal-width slices, item n's at (n - 1) * width: one binary
 * parameter instead of an array of hex-escaped ones (a batch of 1,000 is 1.5 MB either way, but
 * this one is neither hex-encoded here nor parsed there).
 */
function packedEmbeddings(items: ItemRecord[]): { bytes: Buffer; width: number } {
  const encoded = items.map((item) => encodeEmbedding(item.embedding));
  const width = encoded[0]?.byteLength ?? 0;
  if (encoded.some((bytes) => bytes.byteLength !== width)) throw new Error('the items to store have embeddings of different dimensions');
  return { bytes: Buffer.concat(encoded), width };
}

/**
 * Stores the items in one statement (a multi-row insert from arrays: one round trip and one plan
 * for a whole batch), each once per idempotency key and tenant: an item whose key had stored an
 * item, earlier or earlier in the same batch, returns that item whatever its content. Ids are made
 * here, so the inserted rows are matched to the items by id, not by the order Postgres returns them.
 */
export async function insertItems(sql: Sql, tenantId: string, items: ItemRecord[], embeddingModel: string): Promise<InsertedItems> {
  const ids = items.map(() => randomUUID());
  const column = <T>(value: (item: ItemRecord) => T) => items.map(value);
  const embeddings = packedEmbeddings(items);
  const inserted = await sql.query<InsertedRow>(
    `INSERT INTO memory.memory_items
       (tenant_id, id, content, category, confidence, session_id, subject_id, run_id, source_resource_id, idempotency_key, embedding, embedding_model)
     SELECT $1, item.id, item.content, item.category, item.confidence, item.session_id, item.subject_id, item.run_id, item.source_resource_id,
            item.idempotency_key, substring($12::bytea FROM ((item.n - 1) * $13::int + 1)::int FOR $13::int), $2
     FROM unnest($3::uuid[], $4::text[], $5::text[], $6::float8[], $7::text[], $8::text[], $9::text[], $10::uuid[], $11::text[]) WITH ORDINALITY
       AS item(id, content, category, confidence, session_id, subject_id, run_id, source_resource_id, idempotency_key, n)
     ON CONFLICT (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
     RETURNING id::text AS id, vector_label::text AS vector_label, created_at`,
    [
      tenantId,
      embeddingModel,
      ids,
      column((item) => item.content),
      column((item) => item.category),
      column((item) => item.confidence),
      column((item) => item.sessionId),
      column((item) => item.subjectId),
      column((item) => item.runId),
      column((item) => item.sourceResourceId),
      column((item) => item.idempotencyKey),
      embeddings.bytes,
      embeddings.width,
    ],
  );
  const created = new Map(inserted.map((row) => [row.id, row]));
  const earlier = await itemsUnderKeys(
    sql,
    tenantId,
    items.filter((_, index) => !created.has(ids[index])).map((item) => item.idempotencyKey),
  );
  const results = items.map((item, index): StoredItem => {
    if (created.has(ids[index])) return { itemId: ids[index], created: true };
    const itemId = earlier.get(item.idempotencyKey ?? '');
    if (!itemId) throw new Error(`the item stored under idempotency key ${item.idempotencyKey} is gone`);
    return { itemId, created: false };
  });
  const createdItems = items.flatMap((item, index) => {
    const row = created.get(ids[index]);
    return row ? [{ item, row }] : [];
  });
  return {
    results,
    vectors: createdItems.map(({ item, row }) => ({
      itemId: row.id,
      label: BigInt(row.vector_label),
      embedding: Array.from(item.embedding),
      sessionId: item.sessionId ?? '',
      category: item.category,
      createdAt: row.created_at.toISOString(),
    })),
    categories: [...new Set(createdItems.map(({ item }) => item.category))],
  };
}

/**
 * The items already stored under these keys. Only a key conflict inserts nothing, and the
 * conflicting row has committed (or is this transaction's own) by the time this statement runs.
 */
async function itemsUnderKeys(sql: Sql, tenantId: string, keys: (string | null)[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await sql.query<{ id: string; idempotency_key: string }>(
    `SELECT id::text AS id, idempotency_key FROM memory.memory_items WHERE tenant_id = $1 AND idempotency_key = ANY($2::text[])`,
    [tenantId, keys],
  );
  return new Map(rows.map((row) => [row.idempotency_key, row.id]));
}

/**
 * How many matches the full-text search ranks at most (or `k`, when more are asked for). A GIN
 * index finds matches in no particular order, and ranking every match of a common word costs a read
 * of each (35,000 rows of 100,000 took 350 ms); a word that common says little, and the vector half
 * of rag carries the rest.
 */
export const LEXICAL_POOL = 100;

/**
 * The tenant's best `k` items for the query by Postgres full-text search, best first: the items with
 * every one of the query's words, or, when none has them all, the items with any of them (a question
 * rarely shares every word with the fact that answers it). Partial matches are left out when full
 * ones exist: among thousands of items sharing one common word, the few ranked would be chosen by
 * where they lie on disk, and would get a lexical boost that the others, as good, do not.
 * At most `LEXICAL_POOL` matches (or `k`) are ranked, so the cost is bounded however common the
 * words are. `ts_rank_cd` ranks items with more, and closer, matching words higher; its
 * normalisation 32 (rank / (rank + 1)) makes the score 0..1. A query of stop words only finds nothing.
 */
export async function searchItems(sql: Sql, tenantId: string, criteria: SearchCriteria): Promise<MemoryHit[]> {
  const params: unknown[] = [tenantId, criteria.query, criteria.k, Math.max(LEXICAL_POOL, criteria.k)];
  const filters = itemFiltersOf(criteria, params);
  // The queries are written out, not computed once in a CTE: the planner then sees the words and,
  // from the column's statistics, reads a common word's matches by a scan that stops at the pool's
  // size (half a millisecond) and a rare word's through the index.
  const everyWord = `plainto_tsquery('english', $2)`;
  const anyWord = `replace(plainto_tsquery('english', $2)::text, ' & ', ' | ')::tsquery`;
  const matches = (condition: string) =>
    `SELECT id, session_id, category, content, confidence, source_resource_id, created_at, search_vector
     FROM memory.memory_items WHERE tenant_id = $1 AND ${condition}${filters} LIMIT $4`;
  const rows = await sql.query<FoundItemRow>(
    `WITH full_matches AS MATERIALIZED (${matches(`search_vector @@ ${everyWord}`)}),
     partial_matches AS (${matches(`search_vector @@ ${anyWord} AND NOT EXISTS (SELECT FROM full_matches)`)})
     SELECT id::text AS id, session_id, category, content, confidence, source_resource_id::text AS source_resource_id, created_at,
            ts_rank_cd(search_vector, ${anyWord}, 32) AS score
     FROM (SELECT * FROM full_matches UNION ALL SELECT * FROM partial_matches) AS found
     ORDER BY score DESC, created_at DESC, id
     LIMIT $3`,
    params,
  );
  return rows.map(memoryHitOf);
}
