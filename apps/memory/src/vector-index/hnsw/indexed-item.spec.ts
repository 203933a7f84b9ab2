import { create } from '@bufbuild/protobuf';
import { encodeEmbedding } from '@sigil/memory';
import { IndexedVectorSchema } from '@sigil/schemas';
import { itemOfEvent, itemOfRow, labelOf, matchesFilter } from './indexed-item';

describe('items as the index holds them', () => {
  it('given an announced vector, when read, then its label is a number, an empty session is none and the time is in ms', () => {
    const vector = create(IndexedVectorSchema, { itemId: 'i-1', label: 42n, embedding: [0.5, -0.5], sessionId: '', category: 'general', createdAt: '2025-03-01T10:00:00.123Z' });

    expect(itemOfEvent(vector)).toEqual({ label: 42, itemId: 'i-1', vector: Float32Array.from([0.5, -0.5]), sessionId: undefined, category: 'general', createdAtMs: Date.parse('2025-03-01T10:00:00.123Z') });
  });

  it('given a stored row, when read, then the bytea embedding is decoded', () => {
    const row = { id: 'i-2', vector_label: '7', embedding: encodeEmbedding(Float32Array.from([1, 2])), session_id: 's', category: 'c', created_at: new Date(5) };

    expect(itemOfRow(row)).toEqual({ label: 7, itemId: 'i-2', vector: Float32Array.from([1, 2]), sessionId: 's', category: 'c', createdAtMs: 5 });
  });

  it.each([0n, -1n, 4_294_967_296n, '1.5'])('given the label %p, when read, then it is refused (hnswlib labels are 1..2^32-1)', (raw) => {
    expect(() => labelOf(raw)).toThrow(RangeError);
  });

  it('given the largest label hnswlib takes, when read, then it is kept', () => {
    expect(labelOf(4_294_967_295n)).toBe(4_294_967_295);
  });

  it('given filters, when matched, then every set field must hold and time bounds are exclusive', () => {
    const item = { sessionId: 's-1', category: 'schedule', createdAtMs: 1_000 };

    expect(matchesFilter(item, {})).toBe(true);
    expect(matchesFilter(item, { sessionId: 's-1', category: 'schedule', createdAfterMs: 999, createdBeforeMs: 1_001 })).toBe(true);
    expect(matchesFilter(item, { sessionId: 's-2' })).toBe(false);
    expect(matchesFilter(item, { category: 'general' })).toBe(false);
    expect(matchesFilter(item, { createdAfterMs: 1_000 })).toBe(false);
    expect(matchesFilter(item, { createdBeforeMs: 1_000 })).toBe(false);
    expect(matchesFilter({ category: 'schedule', createdAtMs: 1_000 }, { sessionId: 's-1' })).toBe(false);
  });
});
