import type { NatsConnection } from '@nats-io/nats-core';
import type { LoggerService } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { HnswVectorIndex } from './hnsw/hnsw-vector-index';
import { PgvectorIndex } from './pgvector/pgvector-index';
import { pgvectorSupport } from './pgvector/pgvector-support';
import type { VectorIndex } from './vector-index';
import type { VectorIndexSettings } from './vector-index-settings';

export interface VectorIndexDependencies {
  dataSource: DataSource;
  nats: NatsConnection;
  /** The embedding model and vector length of the replica's provider. */
  model: string;
  dimensions: number;
  logger: Pick<LoggerService, 'log'>;
}

/**
 * pgvector when the settings allow it and the database has it (the extension is created if the
 * server offers it), else the in-process HNSW index, started (snapshot read) before it is returned.
 * Asking for pgvector explicitly where there is none stops the service from starting.
 */
export async function selectVectorIndex(settings: VectorIndexSettings, dependencies: VectorIndexDependencies): Promise<VectorIndex> {
  const { dataSource, nats, model, dimensions, logger } = dependencies;
  if (settings.choice !== 'hnsw') {
    const support = await pgvectorSupport(dataSource);
    if (support.available) {
      logger.log(`vector index: pgvector ${support.version} (HNSW, cosine)`);
      return PgvectorIndex.prepare(dataSource, model, dimensions);
    }
    if (settings.choice === 'pgvector') throw new Error(`SIGIL_MEMORY_VECTOR_INDEX is "pgvector" but the database cannot provide it: ${support.reason}`);
    logger.log(`vector index: in-process HNSW (no pgvector: ${support.reason})`);
  }
  const index = new HnswVectorIndex(dataSource, nats, { model, dimensions, lagWindowMs: settings.lagWindowMs });
  await index.start();
  return index;
}
