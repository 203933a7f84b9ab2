import { randomUUID } from 'node:crypto';
import { type MemoryUnderTest, startMemory } from '../testing/memory-under-test';
import { LEXICAL_POOL, searchItems } from './item-store';

const RUN = randomUUID().slice(0, 8);
const TENANT = `item-search-${RUN}`;
/** Every word of the query, far apart: ts_rank_cd alone ranks it below a short item that repeats one of them. */
const EVERY_WORD = 'Alice once said, long before anything else happened that year, that she would drink tea only when visiting her sister in Berlin';
const ONE_WORD = 'tea tea tea tea tea tea';

/** The full-text half of rag, on the harness's PostgreSQL, over more matches of a common word than it ranks. */
describe('full-text search of memory items', () => {
  let memory: MemoryUnderTest;
  let everyWordId: string;

  const insert = async (contents: string[], category: string): Promise<string[]> => {
    const rows = await memory.dataSource.query<{ id: string }[]>(
      `INSERT INTO memory.memory_items (tenant_id, category, content) SELECT $1, $2, unnest($3::text[]) RETURNING id::text AS id`,
      [TENANT, category, contents],
    );
    return rows.map((row) => row.id);
  };

  beforeAll(async () => {
    memory = await startMemory('item-search-test');
    await insert(Array.from({ length: LEXICAL_POOL + 30 }, () => ONE_WORD), 'drinks');
    [everyWordId] = await insert([EVERY_WORD], 'travel');
  }, 60_000);

  afterAll(async () => {
    await memory?.close([TENANT]);
  });

  it('answers only the items with every word of the query when there are any, though partial matches score higher', async () => {
    const hits = await searchItems(memory.dataSource, TENANT, { query: 'Alice tea Berlin', k: 5 });

    expect(hits.map((hit) => hit.itemId)).toEqual([everyWordId]);
    expect(hits[0].score > 0 && hits[0].score < 1).toBe(true);
    const [{ partial }] = await memory.dataSource.query<{ partial: number }[]>(
      `SELECT ts_rank_cd(to_tsvector('english', $1), to_tsquery('english', 'alice | tea | berlin'), 32) AS partial`,
      [ONE_WORD],
    );
    expect(partial).toBeGreaterThan(hits[0].score);
  });

  it('answers the items with any of the query’s words when none has them all, best first, k of them however many match', async () => {
    const hits = await searchItems(memory.dataSource, TENANT, { query: 'Berlin tea coffee', k: 4 });

    expect(hits.map((hit) => hit.content)).toEqual([ONE_WORD, ONE_WORD, ONE_WORD, ONE_WORD]);
    expect(hits.every((hit) => hit.score === hits[0].score)).toBe(true);
    expect((await searchItems(memory.dataSource, TENANT, { query: 'Berlin coffee', k: 3 })).map((hit) => hit.itemId)).toEqual([everyWordId]);
    expect(await searchItems(memory.dataSource, TENANT, { query: 'tea coffee', k: LEXICAL_POOL + 10 })).toHaveLength(LEXICAL_POOL + 10);
  });

  it('applies the filters before choosing full or partial matches', async () => {
    const hits = await searchItems(memory.dataSource, TENANT, { query: 'Alice tea Berlin', k: 3, category: 'drinks' });

    expect(hits.map((hit) => hit.content)).toEqual([ONE_WORD, ONE_WORD, ONE_WORD]);
    expect(await searchItems(memory.dataSource, TENANT, { query: 'Alice tea Berlin', k: 3, category: 'travel' })).toMatchObject([{ itemId: everyWordId }]);
  });

  it('searches an index that takes each insert at once: no pending list (fastupdate) for every search to read through', async () => {
    const [index] = await memory.dataSource.query<{ options: string[] }[]>(
      `SELECT reloptions AS options FROM pg_class WHERE oid = 'memory.memory_items_search_idx'::regclass`,
    );
    expect(index.options).toContain('fastupdate=off');
  });

  it('finds nothing for a query of stop words only', async () => {
    expect(await searchItems(memory.dataSource, TENANT, { query: 'the and of', k: 3 })).toEqual([]);
  });
});
