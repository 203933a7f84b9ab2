import { itemFiltersOf } from './item-filters';

describe('item filters', () => {
  it('given no filters, when written, then there is no condition and no parameter', () => {
    const params: unknown[] = ['tenant'];
    expect([itemFiltersOf({}, params), params]).toEqual(['', ['tenant']]);
  });

  it('given every filter, when written, then each is a condition on its column numbered after the parameters already there', () => {
    const after = new Date('2026-01-01T00:00:00Z');
    const before = new Date('2026-02-01T00:00:00Z');
    const params: unknown[] = ['tenant', 'query'];
    const sql = itemFiltersOf({ sessionId: 'north', category: 'orders', createdAfter: after, createdBefore: before }, params);
    expect(sql).toBe(' AND session_id = $3 AND category = $4 AND created_at > $5 AND created_at < $6');
    expect(params).toEqual(['tenant', 'query', 'north', 'orders', after, before]);
  });

  it('given only a time bound, when written, then only that condition is added', () => {
    const params: unknown[] = [];
    expect(itemFiltersOf({ createdBefore: new Date(0) }, params)).toBe(' AND created_at < $1');
  });
});
