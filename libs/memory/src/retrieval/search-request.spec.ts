import { searchRequestOf, type SearchRequestFields } from './search-request';

const request = (fields: Partial<SearchRequestFields>): SearchRequestFields => ({ query: '', k: 0, sessionId: '', category: '', mode: '', createdAfter: '', createdBefore: '', ...fields });

describe('search request', () => {
  it('given a query alone, when checked, then it is trimmed and asks for the default 5 in hybrid mode, in any session, category and time', () => {
    expect(searchRequestOf(request({ query: ' shipping preference ' }))).toEqual({ ok: true, value: { query: 'shipping preference', k: 5, mode: 'hybrid' } });
  });

  it('given every filter, when checked, then each narrows the search', () => {
    expect(
      searchRequestOf(
        request({ query: 'q', k: 50, sessionId: 's-1', category: 'facts', mode: 'rag', createdAfter: '2025-01-01T00:00:00Z', createdBefore: '2025-01-02T01:00:00+01:00' }),
      ),
    ).toEqual({
      ok: true,
      value: { query: 'q', k: 50, mode: 'rag', sessionId: 's-1', category: 'facts', createdAfter: new Date('2025-01-01T00:00:00Z'), createdBefore: new Date('2025-01-02T00:00:00Z') },
    });
  });

  it('given each mode, when checked, then it is kept', () => {
    for (const mode of ['rag', 'llm', 'hybrid']) expect(searchRequestOf(request({ query: 'q', mode }))).toMatchObject({ ok: true, value: { mode } });
  });

  it('given k above 50 or below 0, when checked, then it is refused naming k', () => {
    expect(searchRequestOf(request({ query: 'q', k: 51 }))).toEqual({ ok: false, problems: ['k must be 1 to 50, not 51'] });
    expect(searchRequestOf(request({ query: 'q', k: -1 }))).toEqual({ ok: false, problems: ['k must be 1 to 50, not -1'] });
  });

  it('given an empty query or one over 2,000 characters, when checked, then it is refused', () => {
    expect(searchRequestOf(request({ query: '   ' }))).toEqual({ ok: false, problems: ['query must be 1 to 2000 characters, not 0'] });
    expect(searchRequestOf(request({ query: 'q'.repeat(2_001) }))).toEqual({ ok: false, problems: ['query must be 1 to 2000 characters, not 2001'] });
  });

  it('given bounds the wrong way round or equal, when checked, then it is refused', () => {
    const problems = { ok: false, problems: ['created_after must be before created_before'] };
    expect(searchRequestOf(request({ query: 'q', createdAfter: '2025-02-01T00:00:00Z', createdBefore: '2025-01-01T00:00:00Z' }))).toEqual(problems);
    expect(searchRequestOf(request({ query: 'q', createdAfter: '2025-01-01T00:00:00Z', createdBefore: '2025-01-01T01:00:00+01:00' }))).toEqual(problems);
  });

  it('given everything wrong at once, when checked, then every problem is listed', () => {
    expect(
      searchRequestOf(request({ query: '', k: 99, mode: 'vector', category: 'Bad Category', sessionId: 's'.repeat(201), createdAfter: 'yesterday', createdBefore: '2025-02-30T00:00:00Z' })),
    ).toEqual({
      ok: false,
      problems: [
        'query must be 1 to 2000 characters, not 0',
        'k must be 1 to 50, not 99',
        "mode must be one of rag, llm, hybrid, not 'vector'",
        "category 'Bad Category' must match ^[a-z][a-z0-9_-]{0,63}$ (lower-case letters, digits, _ and -, at most 64)",
        'session_id must be at most 200 characters',
        "created_after must be an RFC 3339 timestamp (e.g. 2025-01-31T09:30:00Z), not 'yesterday'",
        "created_before must be an RFC 3339 timestamp (e.g. 2025-01-31T09:30:00Z), not '2025-02-30T00:00:00Z'",
      ],
    });
  });
});
