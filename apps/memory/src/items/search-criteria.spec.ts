import { create } from '@bufbuild/protobuf';
import { SearchMemoryRequestSchema } from '@sigil/schemas';
import { searchCriteriaOf } from './search-criteria';

const request = (fields: Parameters<typeof create<typeof SearchMemoryRequestSchema>>[1]) => create(SearchMemoryRequestSchema, fields);

describe('search criteria', () => {
  it('given a query alone, when checked, then it is trimmed and asks for the default 5, in any session and category', () => {
    expect(searchCriteriaOf(request({ query: ' shipping preference ' }))).toEqual({ ok: true, value: { query: 'shipping preference', k: 5 } });
  });

  it('given a session, a category and k 50, when checked, then all three narrow the search', () => {
    expect(searchCriteriaOf(request({ query: 'q', k: 50, sessionId: 's-1', category: 'facts' }))).toEqual({
      ok: true,
      value: { query: 'q', k: 50, sessionId: 's-1', category: 'facts' },
    });
  });

  it('given k above 50 or below 0, when checked, then it is refused naming k', () => {
    expect(searchCriteriaOf(request({ query: 'q', k: 51 }))).toEqual({ ok: false, problems: ['k must be 1 to 50, not 51'] });
    expect(searchCriteriaOf(request({ query: 'q', k: -1 }))).toEqual({ ok: false, problems: ['k must be 1 to 50, not -1'] });
  });

  it('given an empty query or one over 2,000 characters, when checked, then it is refused', () => {
    expect(searchCriteriaOf(request({ query: '   ' }))).toEqual({ ok: false, problems: ['query must be 1 to 2000 characters, not 0'] });
    expect(searchCriteriaOf(request({ query: 'q'.repeat(2_001) }))).toEqual({ ok: false, problems: ['query must be 1 to 2000 characters, not 2001'] });
  });

  it('given a malformed category filter, when checked, then it is refused', () => {
    expect(searchCriteriaOf(request({ query: 'q', category: 'a b' })).ok).toBe(false);
  });
});
