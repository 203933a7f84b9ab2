/** Narrows a vector search; every field is optional and they combine with AND. Time bounds are exclusive. */
export interface VectorFilter {
  sessionId?: string;
  category?: string;
  createdAfterMs?: number;
  createdBeforeMs?: number;
}

export interface VectorMatch {
  itemId: string;
  /** Cosine similarity, 1 = same direction. */
  similarity: number;
}

export interface VectorIndexStats {
  tenants: number;
  vectors: number;
  /** How far behind the items' changes the index is (an in-process projection); absent when it cannot lag. */
  lagMs?: number;
}

/**
 * Approximate nearest-neighbour search over the items' embeddings, always within one tenant. The
 * class is the Nest token: `VectorIndexModule` provides pgvector when the database has it, else the
 * in-process HNSW projection.
 */
export abstract class VectorIndex {
  abstract readonly kind: 'hnsw' | 'pgvector';
  /** The tenant's `k` items most similar to `query`, best first, within the filter. */
  abstract search(tenantId: string, query: Float32Array, k: number, filter: VectorFilter): Promise<VectorMatch[]>;
  abstract stats(): VectorIndexStats;
}
