import { resourceStorage, resourceStorageKey, searchRequest } from './memory-requests';

describe('memory’s idempotency key for a resource', () => {
  it('given no Idempotency-Key, when derived, then there is none', () => {
    expect(resourceStorageKey('user-1', undefined)).toBe('');
  });

  it('given the same key from the same caller, when derived twice, then it is the same, and never a run key', () => {
    const key = resourceStorageKey('user-1', 'k-1');
    expect(key).toBe(resourceStorageKey('user-1', 'k-1'));
    expect(key).toMatch(/^api:[0-9a-f]{64}$/);
  });

  it('given the same key from two callers of a tenant, when derived, then they differ, as the gateway’s records do', () => {
    expect(resourceStorageKey('user-1', 'k-1')).not.toBe(resourceStorageKey('user-2', 'k-1'));
    expect(resourceStorageKey('user-1', 'k-1')).not.toBe(resourceStorageKey('user-1\nk', '-1'));
  });
});

describe('requests to memory', () => {
  it('given a resource with metadata and ids, when sent, then metadata travels as JSON', () => {
    expect(resourceStorage({ resource_type: 'document', content: 'c', metadata: { a: [1] }, session_id: 's', subject_id: 'p' }, 'api:k')).toEqual({
      resourceType: 'document',
      content: 'c',
      metadataJson: '{"a":[1]}',
      sessionId: 's',
      subjectId: 'p',
      idempotencyKey: 'api:k',
    });
  });

  it('given a bare resource, when sent, then metadata is {} and the ids are empty', () => {
    expect(resourceStorage({ resource_type: 'document', content: 'c' }, '')).toMatchObject({ metadataJson: '{}', sessionId: '', subjectId: '', idempotencyKey: '' });
  });

  it('given a search with filters, when sent, then they are flat fields of the query', () => {
    const filters = { session_id: 's', category: 'goals', created_after: '2026-01-01T00:00:00Z', created_before: '2026-02-01T00:00:00Z' };
    expect(searchRequest({ query: 'q', mode: 'llm', k: 3, filters })).toEqual({
      query: 'q',
      mode: 'llm',
      k: 3,
      sessionId: 's',
      category: 'goals',
      createdAfter: '2026-01-01T00:00:00Z',
      createdBefore: '2026-02-01T00:00:00Z',
    });
  });

  it('given a bare search, when sent, then mode is empty and k 0: memory’s defaults', () => {
    expect(searchRequest({ query: 'q' })).toEqual({ query: 'q', mode: '', k: 0, sessionId: '', category: '', createdAfter: '', createdBefore: '' });
  });
});
