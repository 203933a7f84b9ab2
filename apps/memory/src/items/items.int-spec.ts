import { Events, Queries } from '@sigil/catalog';
import { decodeEmbedding, LocalEmbeddingProvider, localEmbedding } from '@sigil/memory';
import type { VectorsChangedSchema } from '@sigil/schemas';
import { eventually } from '@sigil/testing';
import { randomUUID } from 'node:crypto';
import { type EventWatch, watchEvents } from '../testing/event-watch';
import { type MemoryUnderTest, startMemory } from '../testing/memory-under-test';
import { MAX_BATCH_ITEMS } from './store-batch-request';

const RUN = randomUUID().slice(0, 8);
/** Stores single items. */
const TENANT_A = `items-a-${RUN}`;
/** Another tenant, for isolation: it reuses A's idempotency keys. */
const TENANT_B = `items-b-${RUN}`;
/** Stores batches. */
const BATCHES = `items-batches-${RUN}`;
const LOCAL_EMBEDDINGS = new LocalEmbeddingProvider();

type StoreFields = { content: string; category?: string; sessionId?: string; idempotencyKey?: string; runId?: string; confidence?: number };

interface ItemRow {
  id: string;
  content: string;
  category: string;
  confidence: number;
  session_id: string | null;
  run_id: string | null;
  source_resource_id: string | null;
  embedding: Buffer;
  embedding_model: string;
  vector_label: string;
}

describe('memory items over NATS: store one, store a batch', () => {
  let memory: MemoryUnderTest;
  let vectors: EventWatch<typeof VectorsChangedSchema>;

  const store = (tenantId: string, fields: StoreFields, caller: { sessionId?: string; runId?: string } = {}) =>
    memory.queries.request(Queries.StoreMemory, fields, { tenantId, ...caller });
  const storeBatch = (tenantId: string, items: StoreFields[]) => memory.queries.request(Queries.StoreMemoryBatch, { items }, { tenantId }, 30_000);
  const rowsOf = (tenantId: string) =>
    memory.dataSource.query<ItemRow[]>(
      `SELECT id::text AS id, content, category, confidence, session_id, run_id, source_resource_id, embedding, embedding_model, vector_label::text AS vector_label
       FROM memory.memory_items WHERE tenant_id = $1 ORDER BY memory_items.vector_label`,
      [tenantId],
    );
  const rowOf = async (tenantId: string, itemId: string) => {
    const row = (await rowsOf(tenantId)).find((candidate) => candidate.id === itemId);
    if (!row) throw new Error(`no item ${itemId} in ${tenantId}`);
    return row;
  };
  const announced = (tenantId: string) => vectors.of(tenantId).flatMap((event) => event.upserted);

  beforeAll(async () => {
    memory = await startMemory('memory-items-test');
    vectors = await watchEvents(memory.nc, Events.VectorsChanged);
  }, 60_000);

  afterAll(async () => {
    vectors?.stop();
    await memory?.close([TENANT_A, TENANT_B, BATCHES]);
  });

  describe('store one', () => {
    it('stores an item with its fields and the embedding of its content, marks its category and announces its vector', async () => {
      const stored = await store(TENANT_A, { content: ' The customer prefers express shipping ', category: 'preferences', sessionId: 'session-1', confidence: 0.8 });
      expect([stored.created, stored.error]).toEqual([true, undefined]);

      const row = await rowOf(TENANT_A, stored.itemId);
      expect(row).toMatchObject({
        content: 'The customer prefers express shipping',
        category: 'preferences',
        confidence: 0.8,
        session_id: 'session-1',
        source_resource_id: null,
        embedding_model: LOCAL_EMBEDDINGS.model,
      });
      expect(decodeEmbedding(row.embedding)).toEqual(localEmbedding('The customer prefers express shipping'));

      const category = await memory.dataSource.query(`SELECT name FROM memory.categories WHERE tenant_id = $1 AND name = 'preferences'`, [TENANT_A]);
      expect(category).toHaveLength(1);

      const vector = await eventually(() => {
        const found = announced(TENANT_A).filter((candidate) => candidate.itemId === stored.itemId);
        expect(found).toHaveLength(1);
        return found[0];
      });
      expect(vector).toMatchObject({ label: BigInt(row.vector_label), sessionId: 'session-1', category: 'preferences' });
      expect(Float32Array.from(vector.embedding)).toEqual(decodeEmbedding(row.embedding));
      expect(Date.now() - Date.parse(vector.createdAt)).toBeLessThan(60_000);
    });

    it('stores an item in the caller’s session and run when the request names none, in category general, stated outright', async () => {
      const { itemId } = await store(TENANT_A, { content: 'Deliveries arrive before noon' }, { sessionId: 'session-of-step', runId: 'run-of-step' });
      expect(await rowOf(TENANT_A, itemId)).toMatchObject({ category: 'general', confidence: 1, session_id: 'session-of-step', run_id: 'run-of-step' });
    });
  });

  describe('idempotent store', () => {
    it('stores once per idempotency key: a repeat returns the first item with created false, and its vector is announced once', async () => {
      const key = `run-1:step-2:0:${RUN}`;
      const first = await store(TENANT_A, { content: 'Call before delivering', idempotencyKey: key });
      const repeat = await store(TENANT_A, { content: 'Call before delivering, again', idempotencyKey: key });
      expect(first).toMatchObject({ created: true });
      expect(repeat).toMatchObject({ itemId: first.itemId, created: false });
      expect((await rowsOf(TENANT_A)).filter((row) => row.content.startsWith('Call before delivering')).map((row) => row.content)).toEqual(['Call before delivering']);
      await eventually(() => expect(announced(TENANT_A).filter((vector) => vector.itemId === first.itemId)).toHaveLength(1));
    });

    it('stores once when the same key arrives several times at once', async () => {
      const key = `concurrent-${RUN}`;
      const replies = await Promise.all(Array.from({ length: 6 }, () => store(TENANT_A, { content: 'Gate code is 4411', idempotencyKey: key })));
      expect(new Set(replies.map((reply) => reply.itemId)).size).toBe(1);
      expect(replies.filter((reply) => reply.created)).toHaveLength(1);
      expect((await rowsOf(TENANT_A)).filter((row) => row.content === 'Gate code is 4411')).toHaveLength(1);
    });
  });

  describe('tenant isolation', () => {
    it('keeps each tenant’s items and idempotency keys to itself', async () => {
      const key = `shared-key-${RUN}`;
      const ofA = await store(TENANT_A, { content: 'Tenant A secret: the vault opens on Fridays', idempotencyKey: key });
      const ofB = await store(TENANT_B, { content: 'Tenant B keeps the vault closed', idempotencyKey: key });
      expect(ofB.created).toBe(true);
      expect(ofB.itemId).not.toBe(ofA.itemId);
      expect((await rowsOf(TENANT_B)).map((row) => row.content)).toEqual(['Tenant B keeps the vault closed']);
      expect((await rowsOf(TENANT_A)).map((row) => row.id)).toContain(ofA.itemId);
      await eventually(() => expect(announced(TENANT_B).map((vector) => vector.itemId)).toEqual([ofB.itemId]));
    });
  });

  describe('invalid input', () => {
    it.each([
      ['empty content', { content: '  ' }, 'content must be 1 to 10000 characters, not 0'],
      ['content over 10,000 characters', { content: 'x'.repeat(10_001) }, 'content must be 1 to 10000 characters, not 10001'],
      ['a malformed category', { content: 'fine', category: 'Not A Category' }, "category 'Not A Category' must match"],
      ['a confidence above 1', { content: 'fine', confidence: 1.5 }, 'confidence must be a number from 0 to 1, not 1.5'],
    ])('refuses to store %s with MEM_001 and stores nothing', async (_case, fields, problem) => {
      const tenantId = `items-invalid-${randomUUID()}`;
      const { error, itemId } = await store(tenantId, fields);
      expect(error).toMatchObject({ code: 'MEM_001', status: 400 });
      expect(error?.message).toContain(problem);
      expect(itemId).toBe('');
      expect(await rowsOf(tenantId)).toEqual([]);
    });
  });

  describe('store a batch', () => {
    it(`stores ${MAX_BATCH_ITEMS} items in one request, answering in their order, each embedded and announced`, async () => {
      const items = Array.from({ length: MAX_BATCH_ITEMS }, (_, index) => ({ content: `Warehouse ${index} stacks pallets ${index % 7} high`, category: `zone-${index % 3}` }));
      const { results, error } = await storeBatch(BATCHES, items);
      expect(error).toBeUndefined();
      expect(results.map((result) => [result.created, result.error])).toEqual(items.map(() => [true, undefined]));

      const rows = new Map((await rowsOf(BATCHES)).map((row) => [row.id, row]));
      const answered = results.map((result) => rows.get(result.itemId));
      expect(answered.map((row) => [row?.content, row?.category, row?.embedding_model])).toEqual(items.map((item) => [item.content, item.category, LOCAL_EMBEDDINGS.model]));
      answered.forEach((row, index) => expect(decodeEmbedding(row?.embedding ?? Buffer.alloc(0))).toEqual(localEmbedding(items[index].content)));
      const categories = await memory.dataSource.query<{ name: string }[]>(`SELECT name FROM memory.categories WHERE tenant_id = $1 ORDER BY name`, [BATCHES]);
      expect(categories.map((category) => category.name)).toEqual(['zone-0', 'zone-1', 'zone-2']);

      // Announced in events small enough for the bus, every vector once, with its row's label.
      await eventually(() => expect(announced(BATCHES)).toHaveLength(MAX_BATCH_ITEMS));
      expect(vectors.of(BATCHES).every((event) => event.upserted.length <= 200)).toBe(true);
      expect(new Map(announced(BATCHES).map((vector) => [vector.itemId, vector.label]))).toEqual(new Map([...rows.values()].map((row) => [row.id, BigInt(row.vector_label)])));
    });

    it('answers an item whose key stored an item before, or earlier in the same batch, with that item, created false', async () => {
      const before = await store(BATCHES, { content: 'Stored before the batch', idempotencyKey: `before-${RUN}` });
      const { results } = await storeBatch(BATCHES, [
        { content: 'New in the batch', idempotencyKey: `new-${RUN}` },
        { content: 'Repeats the earlier key', idempotencyKey: `before-${RUN}` },
        { content: 'Repeats a key of this batch', idempotencyKey: `new-${RUN}` },
        { content: 'Has no key' },
      ]);
      expect(results.map((result) => result.created)).toEqual([true, false, false, true]);
      expect(results[1].itemId).toBe(before.itemId);
      expect(results[2].itemId).toBe(results[0].itemId);
      const contents = (await rowsOf(BATCHES)).map((row) => row.content);
      expect(contents.filter((content) => ['New in the batch', 'Repeats the earlier key', 'Repeats a key of this batch', 'Has no key'].includes(content))).toEqual([
        'New in the batch',
        'Has no key',
      ]);
    });

    it('refuses a batch with one bad item with MEM_001, naming the item in the error and in its result, and stores none of it', async () => {
      const tenantId = `items-invalid-batch-${randomUUID()}`;
      const { results, error } = await storeBatch(tenantId, [{ content: 'fine' }, { content: 'fine', category: 'Bad Category' }, { content: 'fine too' }]);
      expect(error).toMatchObject({ code: 'MEM_001', status: 400 });
      expect(error?.message).toContain("items[1]: category 'Bad Category' must match");
      expect(results.map((result) => result.error?.code ?? '')).toEqual(['', 'MEM_001', '']);
      expect(results.map((result) => result.itemId)).toEqual(['', '', '']);
      expect(await rowsOf(tenantId)).toEqual([]);
    });

    it(`refuses an empty batch and one over ${MAX_BATCH_ITEMS} items with MEM_001`, async () => {
      const tenantId = `items-invalid-batch-${randomUUID()}`;
      expect((await storeBatch(tenantId, [])).error).toMatchObject({ code: 'MEM_001', message: expect.stringContaining('items must be 1 to 1000, not 0') });
      const tooMany = Array.from({ length: MAX_BATCH_ITEMS + 1 }, () => ({ content: 'x' }));
      expect((await storeBatch(tenantId, tooMany)).error).toMatchObject({ code: 'MEM_001', message: expect.stringContaining('items must be 1 to 1000, not 1001') });
      expect(await rowsOf(tenantId)).toEqual([]);
    });

    it('keeps a batch’s items and keys in the caller’s tenant', async () => {
      const key = `batch-shared-${RUN}`;
      const [ofA] = (await storeBatch(TENANT_A, [{ content: 'A batch fact', idempotencyKey: key }])).results;
      const [ofB] = (await storeBatch(TENANT_B, [{ content: 'B batch fact', idempotencyKey: key }])).results;
      expect([ofA.created, ofB.created]).toEqual([true, true]);
      expect(ofA.itemId).not.toBe(ofB.itemId);
      expect((await rowsOf(TENANT_B)).map((row) => row.content)).toContain('B batch fact');
      expect((await rowsOf(TENANT_B)).map((row) => row.content)).not.toContain('A batch fact');
    });
  });
});
