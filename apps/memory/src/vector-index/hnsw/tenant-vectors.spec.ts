import { cosineSimilarity, localEmbedding, normaliseInPlace } from '@sigil/memory';
import type { IndexedItem } from './indexed-item';
import { HNSW_PARAMETERS, TenantVectors } from './tenant-vectors';

const DIMENSIONS = 64;
const T0 = Date.parse('2025-03-01T00:00:00Z');

function item(label: number, content: string, fields: Partial<IndexedItem> = {}): IndexedItem {
  return { label, itemId: `item-${label}`, vector: localEmbedding(content, DIMENSIONS), category: 'general', createdAtMs: T0 + label * 1_000, ...fields };
}

const query = (text: string) => normaliseInPlace(localEmbedding(text, DIMENSIONS));
const ids = (matches: { itemId: string }[]) => matches.map((match) => match.itemId);

/** Small slots and no exact shortcut, so growth and the graph's own filtered search are what is tested. */
const graphOnly = { ...HNSW_PARAMETERS, initialCapacity: 4, exactSubsetMax: 0 };

describe('one tenant in an HNSW index', () => {
  it('given items, when searching, then the closest comes first with its cosine similarity', () => {
    const vectors = new TenantVectors(DIMENSIONS);
    vectors.upsert(item(1, 'Alice prefers green tea in the morning'));
    vectors.upsert(item(2, 'The quarterly budget is due on Friday'));
    vectors.upsert(item(3, 'Bob likes black coffee'));

    const matches = vectors.search(query('Alice prefers green tea'), 2, {});

    expect(ids(matches)).toEqual(['item-1', expect.any(String)]);
    const expected = cosineSimilarity(localEmbedding('Alice prefers green tea', DIMENSIONS), localEmbedding('Alice prefers green tea in the morning', DIMENSIONS));
    expect(matches[0].similarity).toBeCloseTo(expected, 5);
    expect(matches[0].similarity).toBeGreaterThan(matches[1].similarity);
  });

  it('given more items than the initial slots, when adding, then the graph grows and finds every item', () => {
    const vectors = new TenantVectors(DIMENSIONS, graphOnly);
    const contents = Array.from({ length: 50 }, (_, index) => `fact ${index} about topic ${index * 7}`);
    contents.forEach((content, index) => vectors.upsert(item(index + 1, content)));

    expect(vectors.size).toBe(50);
    for (const [index, content] of contents.entries()) expect(ids(vectors.search(query(content), 1, {}))).toEqual([`item-${index + 1}`]);
  });

  it('given an item already held, when it is announced again, then nothing changes', () => {
    const vectors = new TenantVectors(DIMENSIONS);
    const first = item(1, 'Alice prefers green tea');

    expect(vectors.upsert(first)).toBe(true);
    expect(vectors.upsert({ ...first, vector: Float32Array.from(first.vector) })).toBe(false);
    expect(vectors.size).toBe(1);
  });

  it('given an item held, when announced with another category, then the filters see the new one', () => {
    const vectors = new TenantVectors(DIMENSIONS);
    vectors.upsert(item(1, 'Alice prefers green tea', { category: 'general' }));

    expect(vectors.upsert(item(1, 'Alice prefers green tea', { category: 'preferences' }))).toBe(true);

    expect(ids(vectors.search(query('tea'), 5, { category: 'preferences' }))).toEqual(['item-1']);
    expect(vectors.search(query('tea'), 5, { category: 'general' })).toEqual([]);
  });

  it('given a removed item, when searching, then it is gone; removing it again or an unknown label changes nothing', () => {
    const vectors = new TenantVectors(DIMENSIONS);
    vectors.upsert(item(1, 'Alice prefers green tea'));
    vectors.upsert(item(2, 'Bob likes black coffee'));

    expect(vectors.remove(1)).toBe(true);
    expect(vectors.remove(1)).toBe(false);
    expect(vectors.remove(99)).toBe(false);

    expect(ids(vectors.search(query('Alice prefers green tea'), 5, {}))).toEqual(['item-2']);
    expect(vectors.has(1)).toBe(false);
  });

  it('given removals, when new items and a removed label come back, then deleted slots are reused and every label stays right', () => {
    const vectors = new TenantVectors(DIMENSIONS, graphOnly);
    for (let label = 1; label <= 4; label++) vectors.upsert(item(label, `original fact number ${label}`));
    vectors.remove(1);
    vectors.remove(2);
    // Label 5 takes a deleted slot (1's or 2's); label 1 then comes back, revived or in a new slot.
    vectors.upsert(item(5, 'a new fact about sailing'));
    vectors.upsert(item(1, 'original fact number 1'));

    expect(vectors.slots).toBe(4);
    expect(ids(vectors.search(query('a new fact about sailing'), 1, {}))).toEqual(['item-5']);
    expect(ids(vectors.search(query('original fact number 1'), 1, {}))).toEqual(['item-1']);
    expect(vectors.remove(1)).toBe(true);
    expect(vectors.remove(5)).toBe(true);
    expect(ids(vectors.search(query('original fact'), 5, {})).sort()).toEqual(['item-3', 'item-4']);
  });

  it.each([
    ['exact scoring of a small subset', HNSW_PARAMETERS],
    ['the graph with a filter callback', graphOnly],
  ])('given session, category and time filters, when searching by %s, then only matching items come back', (_how, parameters) => {
    const vectors = new TenantVectors(DIMENSIONS, parameters);
    vectors.upsert(item(1, 'tea in the morning', { sessionId: 's1', category: 'preferences' }));
    vectors.upsert(item(2, 'tea in the evening', { sessionId: 's2', category: 'preferences' }));
    vectors.upsert(item(3, 'tea at noon', { sessionId: 's1', category: 'schedule' }));
    vectors.upsert(item(4, 'tea at night', { category: 'preferences' }));

    expect(ids(vectors.search(query('tea'), 10, { sessionId: 's1' })).sort()).toEqual(['item-1', 'item-3']);
    expect(ids(vectors.search(query('tea'), 10, { category: 'preferences', sessionId: 's1' }))).toEqual(['item-1']);
    expect(ids(vectors.search(query('tea'), 10, { category: 'preferences' })).sort()).toEqual(['item-1', 'item-2', 'item-4']);
    expect(ids(vectors.search(query('tea'), 10, { createdAfterMs: T0 + 2_000 })).sort()).toEqual(['item-3', 'item-4']);
    expect(ids(vectors.search(query('tea'), 10, { createdAfterMs: T0 + 1_000, createdBeforeMs: T0 + 3_000 }))).toEqual(['item-2']);
    expect(vectors.search(query('tea'), 10, { sessionId: 'none' })).toEqual([]);
  });

  it('given a vector of another length, when adding, then it is refused', () => {
    const vectors = new TenantVectors(DIMENSIONS);

    expect(() => vectors.upsert({ ...item(1, 'x'), vector: new Float32Array(8) })).toThrow('item item-1 has 8 dimensions, the index 64');
  });

  it('given no items, when searching, then nothing is found', () => {
    expect(new TenantVectors(DIMENSIONS).search(query('anything'), 5, {})).toEqual([]);
  });
});
