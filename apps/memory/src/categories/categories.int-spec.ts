import { Events, Queries } from '@sigil/catalog';
import { eventually } from '@sigil/testing';
import { randomUUID } from 'node:crypto';
import type { CategoryConsolidatedSchema } from '@sigil/schemas';
import { type EventWatch, watchEvents } from '../testing/event-watch';
import { type MemoryUnderTest, startMemory } from '../testing/memory-under-test';

const RUN = randomUUID().slice(0, 8);
/** A burst of items in one category. */
const BURST = `categories-burst-${RUN}`;
/** Three categories, listed a page at a time. */
const LISTED = `categories-listed-${RUN}`;
const DELAY_MS = 1_500;
const SWEEP_MS = 1_000;

const BURST_FACTS = [
  'Orders ship from the Oslo warehouse',
  'Express shipping costs 12 euros',
  'Shipping to Norway takes four days',
  'Parcels over 30 kg ship by freight',
  'The courier collects at 3 pm',
  'Returns ship back free of charge',
  'Fragile parcels get double boxing',
  'Saturday delivery is not offered',
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('categories over NATS: batched consolidation, list and get', () => {
  let memory: MemoryUnderTest;
  let consolidated: EventWatch<typeof CategoryConsolidatedSchema>;

  const store = (tenantId: string, content: string, category: string) => memory.queries.request(Queries.StoreMemory, { content, category }, { tenantId });
  const getCategory = (tenantId: string, name: string) => memory.queries.request(Queries.GetCategory, { name }, { tenantId });
  const list = (tenantId: string, page: number, perPage: number) => memory.queries.request(Queries.ListCategories, { page, perPage }, { tenantId });

  beforeAll(async () => {
    memory = await startMemory('memory-categories-test', { SIGIL_MEMORY_CONSOLIDATION_DELAY_MS: String(DELAY_MS) });
    consolidated = await watchEvents(memory.nc, Events.CategoryConsolidated);
  }, 60_000);

  afterAll(async () => {
    consolidated?.stop();
    await memory?.close([BURST, LISTED]);
  });

  it('consolidates a burst of items within the delay once, into a summary naming each of them', async () => {
    const stored = await Promise.all(BURST_FACTS.map((fact) => store(BURST, fact, 'shipping')));
    expect(stored.map((reply) => reply.error)).toEqual(BURST_FACTS.map(() => undefined));

    await eventually(() => expect(consolidated.of(BURST)).toHaveLength(1));
    // Sweeps go on: had the burst been split into several consolidations, more events would follow.
    await sleep(DELAY_MS + 2 * SWEEP_MS);
    expect(consolidated.of(BURST).map(({ name, itemCount }) => ({ name, itemCount }))).toEqual([{ name: 'shipping', itemCount: BURST_FACTS.length }]);

    const { category, error } = await getCategory(BURST, 'shipping');
    expect(error).toBeUndefined();
    expect(category).toMatchObject({ name: 'shipping', itemCount: BURST_FACTS.length, consolidationPending: false });
    expect(category?.summaryMarkdown.split('\n')[0]).toBe('# Shipping');
    for (const fact of BURST_FACTS) expect(category?.summaryMarkdown).toContain(`- ${fact} (1 item)`);

    // Not before the delay: the summary was built at least the delay after the burst's first item.
    const [{ waited }] = await memory.dataSource.query<{ waited: number }[]>(
      `SELECT extract(epoch FROM category.last_consolidated_at - min(item.created_at)) * 1000 AS waited
       FROM memory.categories category JOIN memory.memory_items item ON item.tenant_id = category.tenant_id AND item.category = category.name
       WHERE category.tenant_id = $1 AND category.name = 'shipping' GROUP BY category.last_consolidated_at`,
      [BURST],
    );
    expect(Number(waited)).toBeGreaterThanOrEqual(DELAY_MS);
  }, 30_000);

  it('rebuilds a summary again when items arrive after it, with the new count', async () => {
    await eventually(() => expect(consolidated.of(BURST)).toHaveLength(1));
    expect((await store(BURST, 'Sunday delivery costs extra', 'shipping')).error).toBeUndefined();
    await eventually(() => expect(consolidated.of(BURST)).toHaveLength(2));
    expect(consolidated.of(BURST)[1].itemCount).toBe(BURST_FACTS.length + 1);
    expect((await getCategory(BURST, 'shipping')).category?.summaryMarkdown).toContain('- Sunday delivery costs extra (1 item)');
  }, 30_000);

  it('lists the tenant’s categories by name a page at a time, with the total and without summaries', async () => {
    for (const category of ['contacts', 'goals', 'preferences']) expect((await store(LISTED, `A fact about ${category}`, category)).error).toBeUndefined();
    await eventually(() => expect(consolidated.of(LISTED)).toHaveLength(3));

    const first = await list(LISTED, 1, 2);
    expect([first.categories.map((category) => category.name), first.total, first.error]).toEqual([['contacts', 'goals'], 3, undefined]);
    expect(first.categories.map((category) => [category.itemCount, category.summaryMarkdown, category.consolidationPending])).toEqual([
      [1, '', false],
      [1, '', false],
    ]);
    const second = await list(LISTED, 2, 2);
    expect([second.categories.map((category) => category.name), second.total]).toEqual([['preferences'], 3]);
    const beyond = await list(LISTED, 3, 2);
    expect([beyond.categories, beyond.total]).toEqual([[], 3]);
    expect((await getCategory(LISTED, 'goals')).category?.summaryMarkdown).toContain('- A fact about goals (1 item)');
  }, 30_000);

  it('never shows a tenant another tenant’s categories', async () => {
    const other = `categories-other-${RUN}`;
    expect(await list(other, 1, 10)).toMatchObject({ categories: [], total: 0 });
    expect((await getCategory(other, 'shipping')).error).toMatchObject({ code: 'MEM_404', status: 404 });
  });

  it('answers MEM_404 for a category the tenant does not have, and MEM_001 for a name or page that cannot be', async () => {
    expect((await getCategory(LISTED, 'submarines')).error).toMatchObject({ code: 'MEM_404', status: 404, message: "category 'submarines' not found" });
    const badName = await getCategory(LISTED, 'Not A Name');
    expect(badName.error).toMatchObject({ code: 'MEM_001', status: 400 });
    expect(badName.error?.message).toContain("category 'Not A Name' must match");
    expect((await list(LISTED, 0, 10)).error).toMatchObject({ code: 'MEM_001', status: 400, message: 'invalid memory request: page must be at least 1, got 0' });
    expect((await list(LISTED, 1, 101)).error?.message).toContain('per_page must be between 1 and 100, got 101');
  });
});
