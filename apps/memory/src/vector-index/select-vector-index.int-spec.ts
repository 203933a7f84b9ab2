import type { NatsConnection } from '@nats-io/nats-core';
import { encodeEmbedding } from '@sigil/memory';
import { connectToNats } from '@sigil/messaging';
import { createServiceDataSource, messagingTablesMigration, migrateServiceDatabase } from '@sigil/persistence';
import { testInfrastructure } from '@sigil/testing';
import type { DataSource } from 'typeorm';
import { MEMORY_SCHEMA, memoryMigrations } from '../migrations';
import { startMemory } from '../testing/memory-under-test';
import { HnswVectorIndex } from './hnsw/hnsw-vector-index';
import { createFloat4Decoder } from './pgvector/float4-decoder';
import { pgvectorSupport } from './pgvector/pgvector-support';
import { selectVectorIndex } from './select-vector-index';
import { VectorIndex } from './vector-index';

const migrations = [messagingTablesMigration(MEMORY_SCHEMA), ...memoryMigrations];

/** This machine's PostgreSQL has no pgvector: what is chosen, and what the pgvector path relies on that can be tested here. */
describe('choosing the vector index on a Postgres without pgvector', () => {
  let dataSource: DataSource;
  let nats: NatsConnection;
  const logged: string[] = [];
  const dependencies = () => ({ dataSource, nats, model: 'sigil-local-hash-384', dimensions: 384, logger: { log: (message: unknown) => void logged.push(String(message)) } });

  beforeAll(async () => {
    const { databaseUrl, natsUrl } = testInfrastructure();
    await migrateServiceDatabase({ url: databaseUrl, schema: MEMORY_SCHEMA, migrations });
    dataSource = await createServiceDataSource({ url: databaseUrl, schema: MEMORY_SCHEMA, migrations }).initialize();
    nats = await connectToNats(natsUrl, 'vector-index-selection-test');
  });

  afterAll(async () => {
    await nats.drain();
    await dataSource.destroy();
  });

  it('given no vector extension, when asked, then pgvector is unavailable and says why', async () => {
    const support = await pgvectorSupport(dataSource);

    expect(support).toEqual({ available: false, reason: expect.stringContaining('vector') });
  });

  it('given the automatic choice, when selecting, then the in-process HNSW index is started and the log gives the reason', async () => {
    const index = await selectVectorIndex({ choice: 'auto', lagWindowMs: 10_000 }, dependencies());
    try {
      expect(index).toBeInstanceOf(HnswVectorIndex);
      expect(index.kind).toBe('hnsw');
      expect(logged.at(-1)).toMatch(/^vector index: in-process HNSW \(no pgvector: .*vector.*\)$/);
    } finally {
      await (index as HnswVectorIndex).close();
    }
  });

  it('given pgvector asked for explicitly, when selecting, then start-up fails naming the setting and the reason', async () => {
    await expect(selectVectorIndex({ choice: 'pgvector', lagWindowMs: 10_000 }, dependencies())).rejects.toThrow(
      /^SIGIL_MEMORY_VECTOR_INDEX is "pgvector" but the database cannot provide it: .*vector/,
    );
  });

  it('given stored embeddings, when the pgvector column’s decoder reads them, then it gives back the same floats', async () => {
    await createFloat4Decoder(dataSource);
    const vector = Float32Array.from([0, 1, -1, 0.5, -0.123456789, 3.4e38, 1.5e-38, -2.75e-5, 12345.678]);

    const [row] = await dataSource.query<{ floats: number[] }[]>(`SELECT memory.float4_array_from_le($1) AS floats`, [encodeEmbedding(vector)]);

    expect(Float32Array.from(row.floats)).toEqual(vector);
  });

  it('given the memory service, when it boots here, then its vector index is HNSW and /vector-index reports it', async () => {
    const memory = await startMemory('vector-index-selection-service');
    try {
      expect(memory.app.get(VectorIndex).kind).toBe('hnsw');
      const response = await fetch(`${(await memory.app.getUrl()).replace('[::1]', '127.0.0.1')}/vector-index`);
      expect(await response.json()).toEqual({ kind: 'hnsw', tenants: expect.any(Number), vectors: expect.any(Number), lag_ms: expect.any(Number) });
    } finally {
      await memory.close([]);
    }
  });
});
