import type { NatsConnection } from '@nats-io/nats-core';
import { Events } from '@sigil/catalog';
import { encodeEmbedding, LocalEmbeddingProvider } from '@sigil/memory';
import { connectToNats, EventPublisher } from '@sigil/messaging';
import { createServiceDataSource, messagingTablesMigration, migrateServiceDatabase } from '@sigil/persistence';
import { eventually, testInfrastructure } from '@sigil/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { MEMORY_SCHEMA, memoryMigrations } from '../../migrations';
import type { VectorFilter } from '../vector-index';
import { HnswVectorIndex } from './hnsw-vector-index';

const RUN = randomUUID().slice(0, 8);
const tenant = (name: string) => `hnsw-${name}-${RUN}`;
const embeddings = new LocalEmbeddingProvider();
const migrations = [messagingTablesMigration(MEMORY_SCHEMA), ...memoryMigrations];

interface StoredRow {
  id: string;
  vector_label: string;
  created_at: Date;
  content: string;
  session_id: string | null;
  category: string;
}

/**
 * Replicas of the in-process index on the harness's NATS and Postgres. The test stands in for the
 * memory service's writes: it inserts items into `memory.memory_items` and announces them with
 * `VectorsChanged` (or, for read-your-writes and the snapshot, deliberately does not).
 */
describe('HnswVectorIndex: per-replica projections over NATS and Postgres', () => {
  let dataSource: DataSource;
  let nc: NatsConnection;
  let publisher: EventPublisher;
  const started: HnswVectorIndex[] = [];
  const tenants: string[] = [];

  const vectorOf = async (text: string) => (await embeddings.embed([text]))[0];

  async function startReplica(lagWindowMs = 0): Promise<HnswVectorIndex> {
    const replicaNats = await connectToNats(testInfrastructure().natsUrl, `hnsw-replica-${started.length}`);
    const index = new HnswVectorIndex(dataSource, replicaNats, { model: embeddings.model, dimensions: embeddings.dimensions, lagWindowMs });
    await index.start();
    started.push(index);
    const close = index.close.bind(index);
    index.close = async () => {
      await close();
      await replicaNats.drain();
    };
    return index;
  }

  async function insert(tenantId: string, contents: string[], fields: { sessionId?: string; category?: string } = {}): Promise<StoredRow[]> {
    tenants.push(tenantId);
    const vectors = await embeddings.embed(contents);
    return dataSource.query<StoredRow[]>(
      `INSERT INTO memory.memory_items (tenant_id, content, category, session_id, embedding, embedding_model)
       SELECT $1, item.content, $2, $3, item.embedding, $4 FROM unnest($5::text[], $6::bytea[]) AS item(content, embedding)
       RETURNING id::text AS id, vector_label::text AS vector_label, created_at, content, session_id, category`,
      [tenantId, fields.category ?? 'general', fields.sessionId ?? null, embeddings.model, contents, vectors.map((vector) => encodeEmbedding(vector))],
    );
  }

  async function announce(tenantId: string, rows: StoredRow[]): Promise<void> {
    const upserted = await Promise.all(
      rows.map(async (row) => ({
        itemId: row.id,
        label: BigInt(row.vector_label),
        embedding: Array.from(await vectorOf(row.content)),
        sessionId: row.session_id ?? '',
        category: row.category,
        createdAt: row.created_at.toISOString(),
      })),
    );
    await publisher.publish(Events.VectorsChanged, { upserted }, { tenantId });
  }

  async function erase(tenantId: string, rows: StoredRow[]): Promise<void> {
    // TypeORM answers a DELETE with [rows, count].
    const [removed] = await dataSource.query<[{ vector_label: string }[], number]>(
      `DELETE FROM memory.memory_items WHERE tenant_id = $1 AND id = ANY($2::uuid[]) RETURNING vector_label::text AS vector_label`,
      [tenantId, rows.map((row) => row.id)],
    );
    await publisher.publish(Events.VectorsChanged, { removedLabels: removed.map((row) => BigInt(row.vector_label)) }, { tenantId });
  }

  async function found(index: HnswVectorIndex, tenantId: string, text: string, filter: VectorFilter = {}, k = 10): Promise<string[]> {
    return (await index.search(tenantId, await vectorOf(text), k, filter)).map((match) => match.itemId);
  }

  beforeAll(async () => {
    const { databaseUrl, natsUrl } = testInfrastructure();
    await migrateServiceDatabase({ url: databaseUrl, schema: MEMORY_SCHEMA, migrations });
    dataSource = await createServiceDataSource({ url: databaseUrl, schema: MEMORY_SCHEMA, migrations }).initialize();
    nc = await connectToNats(natsUrl, 'hnsw-test-writer');
    publisher = new EventPublisher(nc, 'memory');
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map((index) => index.close()));
  });

  afterAll(async () => {
    await dataSource.query(`DELETE FROM memory.memory_items WHERE tenant_id = ANY($1)`, [tenants]);
    await nc.drain();
    await dataSource.destroy();
  });

  it('given two replicas, when items are announced and later removed, then both hold exactly the same items', async () => {
    const tenantId = tenant('converge');
    const [a, b] = [await startReplica(), await startReplica()];
    const rows = await insert(tenantId, ['Alice prefers green tea', 'Bob drinks black coffee', 'Carol likes herbal tea']);

    await announce(tenantId, rows);

    for (const replica of [a, b]) await eventually(async () => expect((await found(replica, tenantId, 'tea')).sort()).toEqual(rows.map((row) => row.id).sort()));
    expect((await a.search(tenantId, await vectorOf('Alice prefers green tea'), 1, {}))[0]).toEqual({ itemId: rows[0].id, similarity: expect.closeTo(1, 5) });

    await erase(tenantId, [rows[0]]);
    // A removal announced twice, and one of a label never held, change nothing.
    await publisher.publish(Events.VectorsChanged, { removedLabels: [BigInt(rows[0].vector_label), 999_999_999n] }, { tenantId });

    for (const replica of [a, b]) await eventually(async () => expect((await found(replica, tenantId, 'tea')).sort()).toEqual([rows[1].id, rows[2].id].sort()));
    await eventually(() => expect(a.stats()).toMatchObject({ lagMs: 0 }));
  });

  it('given a replica restarted, when it starts, then it rebuilds from Postgres: items stored and erased while it was down, and items never announced', async () => {
    const tenantId = tenant('restart');
    const first = await startReplica();
    const before = await insert(tenantId, ['the office opens at nine', 'the office closes at six']);
    await announce(tenantId, before);
    await eventually(async () => expect(await found(first, tenantId, 'office')).toHaveLength(2));
    await first.close();
    started.splice(started.indexOf(first), 1);

    const whileDown = await insert(tenantId, ['the office is closed on Sunday']);
    await announce(tenantId, whileDown);
    await erase(tenantId, [before[0]]);
    const neverAnnounced = await insert(tenantId, ['the office has a rooftop garden']);

    const restarted = await startReplica();

    const expected = [before[1], ...whileDown, ...neverAnnounced].map((row) => row.id).sort();
    await eventually(async () => expect((await found(restarted, tenantId, 'office')).sort()).toEqual(expected));
  });

  it('given an item announced a moment before a replica starts, when the replica starts, then its feed (opened before the snapshot) delivers it', async () => {
    const tenantId = tenant('head-start');
    // An announcement whose row is not (yet) in Postgres: only the feed can bring it.
    const rows = await insert(tenantId, ['the parcel arrives on Tuesday']);
    await dataSource.query(`DELETE FROM memory.memory_items WHERE id = $1`, [rows[0].id]);
    await announce(tenantId, rows);

    const replica = await startReplica();

    await eventually(async () => expect(await found(replica, tenantId, 'parcel')).toEqual([rows[0].id]));
  });

  it('given two tenants and filters, when searching, then only the tenant’s items that pass the filter come back', async () => {
    const [north, south] = [tenant('north'), tenant('south')];
    const replica = await startReplica();
    const monday = await insert(north, ['the north team meets on Monday'], { sessionId: 's-1', category: 'schedule' });
    const lunch = await insert(north, ['the north team eats lunch at noon'], { sessionId: 's-2', category: 'schedule' });
    const likes = await insert(north, ['the north team likes pizza'], { sessionId: 's-1', category: 'preferences' });
    const southRows = await insert(south, ['the north team meets on Monday']);
    await announce(north, [...monday, ...lunch, ...likes]);
    await announce(south, southRows);
    // The replica applies the announcements in order: south's may land after north's are all in.
    await eventually(async () => expect(await found(replica, north, 'north team')).toHaveLength(3));
    await eventually(async () => expect(await found(replica, south, 'north team meets on Monday')).toEqual([southRows[0].id]));
    expect((await found(replica, north, 'north team', { sessionId: 's-1' })).sort()).toEqual([monday[0].id, likes[0].id].sort());
    expect(await found(replica, north, 'north team', { sessionId: 's-1', category: 'schedule' })).toEqual([monday[0].id]);
    expect(await found(replica, north, 'north team', { createdAfterMs: monday[0].created_at.getTime(), createdBeforeMs: likes[0].created_at.getTime() })).toEqual([lunch[0].id]);
    expect(await found(replica, tenant('nobody'), 'north team')).toEqual([]);
  });

  it('given an item just stored and not yet announced, when searching, then the read-your-writes window finds it, and without the window it is not found', async () => {
    const tenantId = tenant('ryw');
    const withWindow = await startReplica(10_000);
    const withoutWindow = await startReplica(0);
    const indexed = await insert(tenantId, ['the invoice is due on Friday']);
    await announce(tenantId, indexed);
    // Each replica applies the announcement from its own feed: both must have it before the next store.
    for (const replica of [withWindow, withoutWindow]) await eventually(async () => expect(await found(replica, tenantId, 'invoice')).toEqual([indexed[0].id]));

    const justStored = await insert(tenantId, ['the second invoice is due on Monday'], { sessionId: 's-ryw' });

    expect(await found(withWindow, tenantId, 'second invoice due on Monday', {}, 1)).toEqual([justStored[0].id]);
    expect((await found(withWindow, tenantId, 'invoice')).sort()).toEqual([indexed[0].id, justStored[0].id].sort());
    expect(await found(withWindow, tenantId, 'invoice', { sessionId: 's-ryw' })).toEqual([justStored[0].id]);
    expect(await found(withoutWindow, tenantId, 'invoice')).toEqual([indexed[0].id]);
  });
});
