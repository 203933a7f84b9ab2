import { toJsonString } from '@bufbuild/protobuf';
import { Events, Queries } from '@sigil/catalog';
import type { EmbeddingProvider } from '@sigil/memory';
import { type CategoryConsolidatedSchema, MemoryErasedSchema, type VectorsChangedSchema } from '@sigil/schemas';
import { eventually } from '@sigil/testing';
import { randomUUID } from 'node:crypto';
import { EMBEDDING_PROVIDER } from '../embeddings/embeddings.module';
import { type EventWatch, watchEvents } from '../testing/event-watch';
import { type MemoryUnderTest, startMemory } from '../testing/memory-under-test';
import { VectorIndex } from '../vector-index/vector-index';

const RUN = randomUUID().slice(0, 8);
/** Erases a session and a subject. */
const TENANT = `erasure-${RUN}`;
/** Holds an item in a session of the same id, which the first tenant's erasure must not touch. */
const OTHER = `erasure-other-${RUN}`;
const SESSION = `session-${RUN}`;
const KEPT_SESSION = `kept-session-${RUN}`;
const SUBJECT = `person-${RUN}`;
const ENV = { SIGIL_MEMORY_CONSOLIDATION_DELAY_MS: '500' };

interface ErasableItem {
  id: string;
  content: string;
  label: string;
}

describe('erasure over NATS: a session’s or a subject’s resources, items, vectors and summaries', () => {
  let memory: MemoryUnderTest;
  /** A second replica, with its own in-process vector index. */
  let replica: MemoryUnderTest;
  let vectorsChanged: EventWatch<typeof VectorsChangedSchema>;
  let erasedEvents: EventWatch<typeof MemoryErasedSchema>;
  let consolidated: EventWatch<typeof CategoryConsolidatedSchema>;

  const storeItem = (tenantId: string, content: string, fields: { sessionId?: string; category?: string } = {}) =>
    memory.queries.request(Queries.StoreMemory, { content, ...fields }, { tenantId });
  const storeResource = async (tenantId: string, content: string, fields: { sessionId?: string; subjectId?: string }) => {
    const { resourceId, error } = await memory.queries.request(Queries.StoreResource, { resourceType: 'document', content, ...fields }, { tenantId });
    expect(error).toBeUndefined();
    await eventually(async () => expect((await memory.queries.request(Queries.GetResource, { resourceId }, { tenantId })).resource?.extractionStatus).toBe('extracted'));
    return resourceId;
  };
  const erase = (tenantId: string, scope: { sessionId?: string; subjectId?: string }) => memory.queries.request(Queries.EraseMemory, scope, { tenantId });
  const search = (tenantId: string, query: string) => memory.queries.request(Queries.SearchMemory, { query, mode: 'rag', k: 50 }, { tenantId });
  const itemsWhere = (tenantId: string, condition: string, value: unknown) =>
    memory.dataSource.query<ErasableItem[]>(
      `SELECT id::text AS id, content, vector_label::text AS label FROM memory.memory_items WHERE tenant_id = $1 AND ${condition} ORDER BY vector_label`,
      [tenantId, value],
    );
  /** The item ids a replica's own vector index finds for the query. */
  const indexedIds = async (replicaUnderTest: MemoryUnderTest, tenantId: string, query: string) => {
    const embeddings = replicaUnderTest.app.get<EmbeddingProvider>(EMBEDDING_PROVIDER);
    const [embedding] = await embeddings.embed([query]);
    return (await replicaUnderTest.app.get(VectorIndex).search(tenantId, embedding, 50, {})).map((match) => match.itemId);
  };
  const consolidationsOf = (name: string) => consolidated.of(TENANT).filter((event) => event.name === name);

  beforeAll(async () => {
    memory = await startMemory('memory-erasure-test', ENV);
    replica = await startMemory('memory-erasure-replica', ENV);
    vectorsChanged = await watchEvents(memory.nc, Events.VectorsChanged);
    erasedEvents = await watchEvents(memory.nc, Events.MemoryErased);
    consolidated = await watchEvents(memory.nc, Events.CategoryConsolidated);
  }, 90_000);

  afterAll(async () => {
    for (const watch of [vectorsChanged, erasedEvents, consolidated]) watch?.stop();
    await replica?.close([]);
    await memory?.close([TENANT, OTHER]);
  });

  it('erases a session: its resources, the items extracted from them or stored in it, and their vectors on every replica; other sessions and tenants keep theirs', async () => {
    const resourceId = await storeResource(TENANT, 'Maria prefers window seats on long flights. Maria flies to Lisbon every spring.', { sessionId: SESSION });
    expect((await storeItem(TENANT, 'Maria asked for a window seat on the Lisbon flight', { sessionId: SESSION, category: 'travel' })).error).toBeUndefined();
    const kept = await storeItem(TENANT, 'Maria books window seats for the Oslo flight', { sessionId: KEPT_SESSION, category: 'travel' });
    const otherTenants = await storeItem(OTHER, 'Maria likes window seats on flights', { sessionId: SESSION });
    const erasable = await memory.dataSource.query<ErasableItem[]>(
      `SELECT id::text AS id, content, vector_label::text AS label FROM memory.memory_items
       WHERE tenant_id = $1 AND (session_id = $2 OR source_resource_id = $3) ORDER BY vector_label`,
      [TENANT, SESSION, resourceId],
    );
    expect(erasable.length).toBeGreaterThanOrEqual(2);
    const erasableIds = erasable.map((item) => item.id);
    const found = (await search(TENANT, 'Maria window seats flights')).items.map((hit) => hit.itemId);
    expect(found).toEqual(expect.arrayContaining([...erasableIds, kept.itemId]));
    for (const replicaUnderTest of [memory, replica]) {
      await eventually(async () => expect(await indexedIds(replicaUnderTest, TENANT, 'Maria window seats flights')).toEqual(expect.arrayContaining(erasableIds)));
    }

    const erased = await erase(TENANT, { sessionId: SESSION });
    expect(erased.error).toBeUndefined();
    expect(erased).toMatchObject({ resourcesErased: 1, itemsErased: erasable.length });
    expect(erased.erasureId).toMatch(/^[0-9a-f-]{36}$/);

    expect((await memory.queries.request(Queries.GetResource, { resourceId }, { tenantId: TENANT })).error).toMatchObject({ code: 'MEM_404' });
    expect(await itemsWhere(TENANT, 'id = ANY($2::uuid[])', erasableIds)).toEqual([]);
    const afterwards = (await search(TENANT, 'Maria window seats flights')).items.map((hit) => hit.itemId);
    expect(afterwards).toContain(kept.itemId);
    expect(afterwards.filter((id) => erasableIds.includes(id))).toEqual([]);
    expect((await search(OTHER, 'Maria window seats')).items.map((hit) => hit.itemId)).toEqual([otherTenants.itemId]);

    await eventually(() => {
      const removed = vectorsChanged.of(TENANT).flatMap((event) => event.removedLabels.map(String));
      expect(removed.sort()).toEqual(erasable.map((item) => item.label).sort());
    });
    for (const replicaUnderTest of [memory, replica]) {
      await eventually(async () => {
        const indexed = await indexedIds(replicaUnderTest, TENANT, 'Maria window seats flights');
        expect(indexed).toContain(kept.itemId);
        expect(indexed.filter((id) => erasableIds.includes(id))).toEqual([]);
      });
    }
  }, 60_000);

  it('records the erasure in an event and a row that name the scope and counts, never the content', async () => {
    const erasure = await erase(TENANT, { sessionId: `recorded-${RUN}` });
    const secret = 'The vault code is 7-7-1-9';
    expect((await storeItem(TENANT, secret, { sessionId: `recorded-${RUN}` })).error).toBeUndefined();
    const recorded = await erase(TENANT, { sessionId: `recorded-${RUN}` });
    expect(recorded).toMatchObject({ resourcesErased: 0, itemsErased: 1, categoriesRebuilt: ['general'] });
    expect(erasure).toMatchObject({ resourcesErased: 0, itemsErased: 0, categoriesRebuilt: [] });

    const event = await eventually(() => {
      const [found] = erasedEvents.of(TENANT).filter((candidate) => candidate.erasureId === recorded.erasureId);
      expect(found).toBeDefined();
      return found;
    });
    expect(event).toMatchObject({ scope: 'session', scopeId: `recorded-${RUN}`, resourcesErased: 0, itemsErased: 1, categoriesRebuilt: ['general'] });
    expect(toJsonString(MemoryErasedSchema, event)).not.toContain('vault');
    const rows = await memory.dataSource.query<Record<string, unknown>[]>(`SELECT * FROM memory.erasures WHERE tenant_id = $1 AND id = $2`, [TENANT, recorded.erasureId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ scope: 'session', scope_id: `recorded-${RUN}`, resources_erased: 0, items_erased: 1, categories_rebuilt: ['general'] });
    expect(JSON.stringify(rows[0])).not.toContain('vault');
    // An erasure of nothing is recorded too: asking to erase is itself worth an audit line.
    expect(erasedEvents.of(TENANT).some((candidate) => candidate.erasureId === erasure.erasureId)).toBe(true);
  });

  it('rebuilds the categories it touched: one emptied to no summary and a count of 0, one partly erased without the erased facts', async () => {
    const gone = `gone-session-${RUN}`;
    for (const [content, sessionId, category] of [
      ['Peter drinks oat milk', gone, 'emptied'],
      ['Peter takes no sugar', gone, 'emptied'],
      ['Peter orders the vegan menu', gone, 'partial'],
      ['Ana orders the fish menu', KEPT_SESSION, 'partial'],
    ]) {
      expect((await storeItem(TENANT, content, { sessionId, category })).error).toBeUndefined();
    }
    await eventually(() => expect([consolidationsOf('emptied').length, consolidationsOf('partial').length]).toEqual([1, 1]));

    const erased = await erase(TENANT, { sessionId: gone });
    expect(erased.categoriesRebuilt).toEqual(['emptied', 'partial']);
    await eventually(() => expect([consolidationsOf('emptied').length, consolidationsOf('partial').length]).toEqual([2, 2]));
    expect([consolidationsOf('emptied')[1].itemCount, consolidationsOf('partial')[1].itemCount]).toEqual([0, 1]);

    const emptied = await memory.queries.request(Queries.GetCategory, { name: 'emptied' }, { tenantId: TENANT });
    expect(emptied.category).toMatchObject({ itemCount: 0, summaryMarkdown: '', consolidationPending: false });
    const partial = (await memory.queries.request(Queries.GetCategory, { name: 'partial' }, { tenantId: TENANT })).category;
    expect(partial).toMatchObject({ itemCount: 1, consolidationPending: false });
    expect(partial?.summaryMarkdown).toContain('Ana orders the fish menu');
    expect(partial?.summaryMarkdown).not.toContain('Peter');
  }, 30_000);

  it('erases a subject: the resources about them and their items, in whichever session, and nothing else of those sessions', async () => {
    const about = await storeResource(TENANT, 'Jonas lives in Bergen. Jonas works as a nurse.', { sessionId: `subject-session-${RUN}`, subjectId: SUBJECT });
    const unrelated = await storeResource(TENANT, 'The office closes at six on Fridays.', { sessionId: `subject-session-${RUN}` });
    const aboutItems = await itemsWhere(TENANT, 'source_resource_id = $2', about);
    expect(aboutItems.length).toBeGreaterThan(0);

    const erased = await erase(TENANT, { subjectId: SUBJECT });
    expect(erased).toMatchObject({ resourcesErased: 1, itemsErased: aboutItems.length });
    expect((await memory.queries.request(Queries.GetResource, { resourceId: about }, { tenantId: TENANT })).error).toMatchObject({ code: 'MEM_404' });
    expect((await memory.queries.request(Queries.GetResource, { resourceId: unrelated }, { tenantId: TENANT })).resource?.itemIds.length).toBeGreaterThan(0);
    expect(await itemsWhere(TENANT, 'source_resource_id = $2', about)).toEqual([]);
    await eventually(() => expect(erasedEvents.of(TENANT).find((event) => event.erasureId === erased.erasureId)).toMatchObject({ scope: 'subject', scopeId: SUBJECT }));
  });

  it('erases nothing of another tenant, even under the same session id', async () => {
    const mine = await storeItem(TENANT, 'Lena prefers aisle seats', { sessionId: `shared-${RUN}` });
    const erased = await erase(OTHER, { sessionId: `shared-${RUN}` });
    expect(erased).toMatchObject({ resourcesErased: 0, itemsErased: 0 });
    expect((await itemsWhere(TENANT, 'id = $2', mine.itemId)).map((item) => item.content)).toEqual(['Lena prefers aisle seats']);
  });

  it.each([
    ['neither a session nor a subject', {}, 'neither'],
    ['both a session and a subject', { sessionId: KEPT_SESSION, subjectId: SUBJECT }, 'both'],
  ])('refuses an erasure naming %s with MEM_001 and erases nothing', async (_case, scope, which) => {
    const before = await itemsWhere(TENANT, 'session_id = $2', KEPT_SESSION);
    const { error, erasureId } = await erase(TENANT, scope);
    expect(error).toMatchObject({ code: 'MEM_001', status: 400, message: `invalid memory request: exactly one of session_id and subject_id must be given, not ${which}` });
    expect(erasureId).toBe('');
    expect(await itemsWhere(TENANT, 'session_id = $2', KEPT_SESSION)).toEqual(before);
  });
});
