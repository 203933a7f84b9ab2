import type { DataSource } from 'typeorm';
import { vectorFilterSql } from '../vector-filter-sql';
import { VectorIndex, type VectorFilter, type VectorIndexStats, type VectorMatch } from '../vector-index';
import { createFloat4Decoder } from './float4-decoder';
import { HNSW_PARAMETERS } from '../hnsw/tenant-vectors';

/** How stale the counts in `stats()` may be; counting is a scan, not done per call. */
const STATS_MAX_AGE_MS = 60_000;

/**
 * pgvector's HNSW index (cosine), used when the database has pgvector ≥ 0.8 (the compose and
 * Kubernetes images do; the Postgres of this development machine does not, so only the fallback to
 * the in-process index is exercised by its tests). `embedding_vec` is a column generated from
 * `embedding`, so every write is indexed in its own transaction: no projection, no lag, and
 * read-your-writes for free. Iterative scans keep a tenant's filtered search from coming back short.
 */
export class PgvectorIndex extends VectorIndex {
  readonly kind = 'pgvector' as const;
  private counts: VectorIndexStats = { tenants: 0, vectors: 0 };
  private countedAt = 0;

  private constructor(
    private readonly dataSource: DataSource,
    private readonly model: string,
  ) {
    super();
  }

  /** Adds the generated column and its index once (the first replica to start with pgvector does; the others wait for it). */
  static async prepare(dataSource: DataSource, model: string, dimensions: number): Promise<PgvectorIndex> {
    await dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('sigil.memory.pgvector'))`);
      await createFloat4Decoder(manager);
      const [column] = await manager.query<{ type: string }[]>(
        `SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute
         WHERE attrelid = 'memory.memory_items'::regclass AND attname = 'embedding_vec' AND NOT attisdropped`,
      );
      if (column && column.type !== `vector(${dimensions})`) {
        throw new Error(`memory.memory_items.embedding_vec is ${column.type} but SIGIL_MEMORY_EMBEDDING_DIMENSIONS is ${dimensions}: drop the column to rebuild it`);
      }
      if (!column) {
        // Embeddings of another length (an earlier model) get no vector rather than fail the cast.
        await manager.query(`
          ALTER TABLE memory.memory_items ADD COLUMN embedding_vec vector(${dimensions}) GENERATED ALWAYS AS (
            CASE WHEN length(embedding) = ${dimensions * 4} THEN memory.float4_array_from_le(embedding)::vector(${dimensions}) END
          ) STORED`);
      }
      await manager.query(
        `CREATE INDEX IF NOT EXISTS memory_items_embedding_hnsw_idx ON memory.memory_items USING hnsw (embedding_vec vector_cosine_ops) WITH (m = 16, ef_construction = 64)`,
      );
    });
    return new PgvectorIndex(dataSource, model);
  }

  async search(tenantId: string, query: Float32Array, k: number, filter: VectorFilter): Promise<VectorMatch[]> {
    const params: unknown[] = [tenantId, `[${Array.from(query).join(',')}]`, this.model, k];
    const filters = vectorFilterSql(filter, params);
    const rows = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('hnsw.ef_search', $1, true), set_config('hnsw.iterative_scan', 'relaxed_order', true)`, [String(HNSW_PARAMETERS.efSearch(k))]);
      return manager.query<{ item_id: string; similarity: number }[]>(
        `SELECT id::text AS item_id, 1 - (embedding_vec <=> $2::vector) AS similarity FROM memory.memory_items
         WHERE tenant_id = $1 AND embedding_model = $3 AND embedding_vec IS NOT NULL${filters}
         ORDER BY embedding_vec <=> $2::vector LIMIT $4`,
        params,
      );
    });
    // Relaxed order: an iterative scan may return neighbours slightly out of order.
    return rows.map((row) => ({ itemId: row.item_id, similarity: Number(row.similarity) })).sort((a, b) => b.similarity - a.similarity);
  }

  /** Counts from at most a minute ago; a stale call starts a recount in the background. */
  stats(): VectorIndexStats {
    if (Date.now() - this.countedAt > STATS_MAX_AGE_MS) {
      this.countedAt = Date.now();
      void this.dataSource
        .query<{ tenants: string; vectors: string }[]>(`SELECT count(DISTINCT tenant_id) AS tenants, count(*) AS vectors FROM memory.memory_items WHERE embedding_vec IS NOT NULL`)
        .then(([row]) => (this.counts = { tenants: Number(row.tenants), vectors: Number(row.vectors) }))
        .catch(() => undefined);
    }
    return this.counts;
  }
}
