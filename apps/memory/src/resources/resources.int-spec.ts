import { Events, Queries } from '@sigil/catalog';
import { decodeEmbedding, deterministicExtraction, LocalEmbeddingProvider, localEmbedding } from '@sigil/memory';
import { eventually } from '@sigil/testing';
import { randomUUID } from 'node:crypto';
import { type EventWatch, watchEvents } from '../testing/event-watch';
import { type MemoryUnderTest, startMemory } from '../testing/memory-under-test';
import type { ResourceStoredSchema, VectorsChangedSchema } from '@sigil/schemas';

const RUN = randomUUID().slice(0, 8);
/** Stores resources and completed runs. */
const TENANT_A = `resources-a-${RUN}`;
/** Another tenant, for isolation: it asks for A's resources and reuses A's idempotency keys. */
const TENANT_B = `resources-b-${RUN}`;
const SESSION = `session-${RUN}`;
const LOCAL_EMBEDDINGS = new LocalEmbeddingProvider();

interface ItemRow {
  id: string;
  content: string;
  category: string;
  confidence: number;
  session_id: string | null;
  subject_id: string | null;
  run_id: string | null;
  source_resource_id: string | null;
  idempotency_key: string | null;
  embedding: Buffer;
  embedding_model: string;
  vector_label: string;
}

describe('memory resources over NATS: store, get, and extraction into items', () => {
  let memory: MemoryUnderTest;
  let announced: EventWatch<typeof ResourceStoredSchema>;
  let vectors: EventWatch<typeof VectorsChangedSchema>;

  const store = (tenantId: string, fields: { resourceType?: string; content: string; metadataJson?: string; sessionId?: string; subjectId?: string; idempotencyKey?: string }) =>
    memory.queries.request(Queries.StoreResource, { resourceType: 'document', ...fields }, { tenantId });
  const get = (tenantId: string, resourceId: string) => memory.queries.request(Queries.GetResource, { resourceId }, { tenantId });
  const extracted = (tenantId: string, resourceId: string) =>
    eventually(async () => {
      const { resource } = await get(tenantId, resourceId);
      if (resource?.extractionStatus !== 'extracted') throw new Error(`resource ${resourceId} is ${resource?.extractionStatus ?? 'missing'}`);
      return resource;
    });
  const itemRows = (tenantId: string, resourceId: string) =>
    memory.dataSource.query<ItemRow[]>(
      `SELECT id::text AS id, content, category, confidence, session_id, subject_id, run_id, source_resource_id::text AS source_resource_id,
              idempotency_key, embedding, embedding_model, vector_label::text AS vector_label
       FROM memory.memory_items WHERE tenant_id = $1 AND source_resource_id = $2 ORDER BY memory_items.vector_label`,
      [tenantId, resourceId],
    );
  const announcementsOf = (tenantId: string, resourceId: string) => announced.of(tenantId).filter((event) => event.resourceId === resourceId);

  beforeAll(async () => {
    memory = await startMemory('memory-resources-test');
    announced = await watchEvents(memory.nc, Events.ResourceStored);
    vectors = await watchEvents(memory.nc, Events.VectorsChanged);
  }, 60_000);

  afterAll(async () => {
    announced?.stop();
    vectors?.stop();
    await memory?.close([TENANT_A, TENANT_B]);
  });

  describe('store and get', () => {
    it('stores a resource whole and reads it back with its type, metadata, session and subject, then its extracted items', async () => {
      const content = '  I prefer tea over coffee. My phone number is +47 555 12 345.\n';
      const stored = await store(TENANT_A, { resourceType: 'transcript', content, metadataJson: '{"title": "intake call"}', sessionId: SESSION, subjectId: 'person-1' });
      expect([stored.created, stored.error]).toEqual([true, undefined]);

      const { resource, error } = await get(TENANT_A, stored.resourceId);
      expect(error).toBeUndefined();
      expect(resource).toMatchObject({
        resourceId: stored.resourceId,
        resourceType: 'transcript',
        content,
        sessionId: SESSION,
        subjectId: 'person-1',
        runId: '',
      });
      expect(JSON.parse(resource?.metadataJson ?? '')).toEqual({ title: 'intake call' });
      expect(['pending', 'extracted']).toContain(resource?.extractionStatus);
      expect(Date.now() - Date.parse(resource?.createdAt ?? '')).toBeLessThan(60_000);

      const done = await extracted(TENANT_A, stored.resourceId);
      const rows = await itemRows(TENANT_A, stored.resourceId);
      expect(rows.length).toBeGreaterThan(0);
      expect(done.itemIds).toEqual(rows.map((row) => row.id));
      for (const row of rows) expect(row).toMatchObject({ session_id: SESSION, subject_id: 'person-1', source_resource_id: stored.resourceId });
    });

    it('announces a new resource once for extraction, with its type, session and run', async () => {
      const stored = await store(TENANT_A, { resourceType: 'config', content: 'retries = 3', sessionId: SESSION });
      await eventually(() => expect(announcementsOf(TENANT_A, stored.resourceId)).toHaveLength(1));
      expect(announcementsOf(TENANT_A, stored.resourceId)[0]).toMatchObject({ resourceType: 'config', sessionId: SESSION, runId: '' });
    });

    it('answers MEM_404 for an id that names no resource, or is not an id at all', async () => {
      for (const resourceId of [randomUUID(), 'not-a-uuid', '']) {
        const { resource, error } = await get(TENANT_A, resourceId);
        expect(error).toMatchObject({ code: 'MEM_404', status: 404 });
        expect(resource).toBeUndefined();
      }
    });
  });

  describe('idempotent store', () => {
    it('stores once per idempotency key: a repeat returns the first resource with created false and is not announced again', async () => {
      const key = `upload-${RUN}`;
      const first = await store(TENANT_A, { content: 'Invoices are due within 30 days.', idempotencyKey: key });
      const repeat = await store(TENANT_A, { content: 'Something else entirely.', idempotencyKey: key });
      expect(first.created).toBe(true);
      expect(repeat).toMatchObject({ resourceId: first.resourceId, created: false });
      expect((await get(TENANT_A, first.resourceId)).resource?.content).toBe('Invoices are due within 30 days.');
      await extracted(TENANT_A, first.resourceId);
      expect(announcementsOf(TENANT_A, first.resourceId)).toHaveLength(1);
    });

    it('stores once when the same key arrives several times at once', async () => {
      const key = `concurrent-${RUN}`;
      const replies = await Promise.all(Array.from({ length: 6 }, () => store(TENANT_A, { content: 'Gate code is 4411.', idempotencyKey: key })));
      expect(new Set(replies.map((reply) => reply.resourceId)).size).toBe(1);
      expect(replies.filter((reply) => reply.created)).toHaveLength(1);
      const rows = await memory.dataSource.query(`SELECT id FROM memory.resources WHERE tenant_id = $1 AND idempotency_key = $2`, [TENANT_A, key]);
      expect(rows).toHaveLength(1);
    });
  });

  describe('invalid input', () => {
    it.each([
      ['an unknown type', { resourceType: 'email', content: 'x' }, "resource_type must be one of conversation, document, config, transcript, not 'email'"],
      ['blank content', { content: '   ' }, 'content must be 1 to 200000 characters, not 0'],
      ['content over 200,000 characters', { content: 'x'.repeat(200_001) }, 'content must be 1 to 200000 characters, not 200001'],
      ['metadata that is not a JSON object', { content: 'x', metadataJson: '[1]' }, 'metadata must be a JSON object'],
    ])('refuses to store %s with MEM_001 and stores nothing', async (_case, fields, problem) => {
      const tenantId = `resources-invalid-${randomUUID()}`;
      const { error, resourceId } = await store(tenantId, fields);
      expect(error).toMatchObject({ code: 'MEM_001', status: 400 });
      expect(error?.message).toContain(problem);
      expect(resourceId).toBe('');
      expect(await memory.dataSource.query(`SELECT id FROM memory.resources WHERE tenant_id = $1`, [tenantId])).toEqual([]);
    });
  });

  describe('tenant isolation', () => {
    it('never shows a tenant another tenant’s resource or its items, by id or by idempotency key', async () => {
      const key = `shared-key-${RUN}`;
      const ofA = await store(TENANT_A, { content: 'Tenant A keeps the vault key in drawer 3.', idempotencyKey: key });
      await extracted(TENANT_A, ofA.resourceId);
      expect(await get(TENANT_B, ofA.resourceId)).toMatchObject({ error: { code: 'MEM_404' } });
      expect(await itemRows(TENANT_B, ofA.resourceId)).toEqual([]);

      const ofB = await store(TENANT_B, { content: 'Tenant B has no vault.', idempotencyKey: key });
      expect(ofB.created).toBe(true);
      expect(ofB.resourceId).not.toBe(ofA.resourceId);
      expect((await get(TENANT_B, ofB.resourceId)).resource?.content).toBe('Tenant B has no vault.');
      expect((await get(TENANT_A, ofA.resourceId)).resource?.content).toBe('Tenant A keeps the vault key in drawer 3.');
      await eventually(() => expect(announcementsOf(TENANT_B, ofB.resourceId)).toHaveLength(1));
      expect(announcementsOf(TENANT_B, ofA.resourceId)).toEqual([]);
    });
  });

  describe('a completed run', () => {
    const runId = `run-${RUN}`;
    const input = 'Hi! I prefer express shipping for every order. Where is my parcel?';
    const response = 'Your parcel left the Oslo warehouse this morning. Delivery usually takes two days.';
    const conversation = `User: ${input}\n\nAssistant: ${response}`;
    const complete = (tenantId: string, said: string) =>
      memory.publisher.publish(Events.RunCompleted, { runId, sessionId: SESSION, input: said, response }, { tenantId, sessionId: SESSION, runId });
    const runResource = (tenantId: string) =>
      memory.dataSource.query<{ id: string }[]>(`SELECT id::text AS id FROM memory.resources WHERE tenant_id = $1 AND idempotency_key = $2`, [tenantId, `run:${runId}`]);

    beforeAll(async () => {
      await complete(TENANT_A, input);
      // The same event again under another id, as a republished event would be: the run's key stops it.
      await complete(TENANT_A, input);
      // The same run id in another tenant is another run.
      await complete(TENANT_B, 'Tenant B asks about invoices.');
    });

    it('becomes one conversation resource of its session and run, however often its event arrives, in its own tenant', async () => {
      const [row] = await eventually(async () => {
        const rows = await runResource(TENANT_A);
        expect(rows).toHaveLength(1);
        return rows;
      });
      const { resource } = await get(TENANT_A, row.id);
      expect(resource).toMatchObject({ resourceType: 'conversation', content: conversation, sessionId: SESSION, runId, metadataJson: '{}' });
      await eventually(() => expect(announcementsOf(TENANT_A, row.id)).toHaveLength(1));

      const [ofB] = await eventually(async () => {
        const rows = await runResource(TENANT_B);
        expect(rows).toHaveLength(1);
        return rows;
      });
      expect(ofB.id).not.toBe(row.id);
      expect((await get(TENANT_B, ofB.id)).resource?.content).toBe(`User: Tenant B asks about invoices.\n\nAssistant: ${response}`);
    });

    it('has its facts extracted into items that point back at it, each with the embedding of its content and announced to the indexes', async () => {
      const [{ id: resourceId }] = await eventually(async () => {
        const rows = await runResource(TENANT_A);
        expect(rows).toHaveLength(1);
        return rows;
      });
      const resource = await extracted(TENANT_A, resourceId);
      const rows = await itemRows(TENANT_A, resourceId);

      const facts = deterministicExtraction(conversation);
      expect(facts.length).toBeGreaterThan(1);
      expect(rows.map(({ content, category, confidence }) => ({ content, category, confidence }))).toEqual(facts);
      expect(resource.itemIds).toEqual(rows.map((row) => row.id));
      rows.forEach((row, index) => {
        expect(row).toMatchObject({
          session_id: SESSION,
          run_id: runId,
          subject_id: null,
          source_resource_id: resourceId,
          idempotency_key: `${resourceId}:${index}`,
          embedding_model: LOCAL_EMBEDDINGS.model,
        });
        expect(row.embedding.byteLength).toBe(384 * 4);
        expect(decodeEmbedding(row.embedding)).toEqual(localEmbedding(row.content));
      });

      const announcedVectors = await eventually(() => {
        const upserted = vectors.of(TENANT_A).flatMap((event) => event.upserted).filter((vector) => resource.itemIds.includes(vector.itemId));
        expect(upserted).toHaveLength(rows.length);
        return upserted;
      });
      for (const row of rows) {
        const vector = announcedVectors.find((candidate) => candidate.itemId === row.id);
        expect(vector).toMatchObject({ label: BigInt(row.vector_label), sessionId: SESSION, category: row.category });
        expect(Float32Array.from(vector?.embedding ?? [])).toEqual(decodeEmbedding(row.embedding));
      }

      const categories = await memory.dataSource.query<{ name: string }[]>(`SELECT name FROM memory.categories WHERE tenant_id = $1 AND name = ANY($2)`, [
        TENANT_A,
        rows.map((row) => row.category),
      ]);
      expect(categories.map((category) => category.name).sort()).toEqual([...new Set(rows.map((row) => row.category))].sort());
    });

    it('that said nothing worth remembering is extracted into no items', async () => {
      const stored = await store(TENANT_A, { resourceType: 'conversation', content: 'User: Hello!\n\nAssistant: Hi, how can I help?' });
      const resource = await extracted(TENANT_A, stored.resourceId);
      expect(resource.itemIds).toEqual([]);
    });
  });
});
