import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import { ProblemException } from '../common/problem';
import { strictValidationPipe } from '../common/validation';
import { MAX_METADATA_BYTES, pathParameterViolation, SearchMemoryDto, StoreResourceDto } from './memory-dtos';

const validated = async <T>(metatype: Type<T>, body: unknown) => {
  try {
    return { dto: (await strictValidationPipe().transform(body, { type: 'body', metatype })) as T };
  } catch (error) {
    if (error instanceof ProblemException) return { violations: error.problem.validationErrors };
    throw error;
  }
};

const fieldsOf = (violations: { field: string }[] | undefined) => violations?.map((violation) => violation.field);

describe('the resource body', () => {
  it('given a full resource with nested metadata, when validated, then every field is kept and the metadata untouched', async () => {
    const metadata = { source: 'crm', tags: ['a', 'b'], nested: { deep: [1, null] } };
    const body = { resource_type: 'document', content: 'Ada prefers tea.', metadata, session_id: 'sess_1', subject_id: 'ada@example.com' };
    const { dto } = await validated(StoreResourceDto, body);
    expect(dto).toEqual(expect.objectContaining(body));
    expect(JSON.stringify(dto?.metadata)).toBe(JSON.stringify(metadata));
  });

  it.each([['conversation'], ['document'], ['config'], ['transcript']])('given the resource type %s, when validated, then it is accepted', async (type) => {
    expect((await validated(StoreResourceDto, { resource_type: type, content: 'x' })).dto?.resource_type).toBe(type);
  });

  it('given content of 200000 characters, some outside the basic plane, when validated, then it fits (counted by character)', async () => {
    const content = `${'😀'.repeat(10)}${'a'.repeat(199_990)}`;
    expect((await validated(StoreResourceDto, { resource_type: 'document', content })).dto?.content).toBe(content);
  });

  it('given metadata of exactly the byte limit in UTF-8, when validated, then it passes, and one byte more is refused', async () => {
    const room = MAX_METADATA_BYTES - '{"text":""}'.length;
    const atLimit = { text: `${'é'.repeat(Math.floor(room / 2))}${'a'.repeat(room % 2)}` };
    expect(Buffer.byteLength(JSON.stringify(atLimit))).toBe(MAX_METADATA_BYTES);
    expect((await validated(StoreResourceDto, { resource_type: 'document', content: 'x', metadata: atLimit })).dto?.metadata).toEqual(atLimit);
    const over = { text: `${atLimit.text}a` };
    expect((await validated(StoreResourceDto, { resource_type: 'document', content: 'x', metadata: over })).violations).toEqual([
      { field: 'metadata', message: `metadata must be at most ${MAX_METADATA_BYTES} bytes of JSON` },
    ]);
  });

  it('given every field wrong and an unknown one, when validated, then each is a violation naming its field', async () => {
    const body = { resource_type: 'email', content: '', metadata: ['a'], session_id: 'has space', subject_id: 's'.repeat(201), colour: 'red' };
    const { violations } = await validated(StoreResourceDto, body);
    expect([...new Set(fieldsOf(violations))].sort()).toEqual(['colour', 'content', 'metadata', 'resource_type', 'session_id', 'subject_id']);
    expect(violations).toEqual(
      expect.arrayContaining([
        { field: 'colour', message: 'property colour should not exist' },
        { field: 'resource_type', message: 'resource_type must be one of: conversation, document, config, transcript' },
        { field: 'content', message: 'content must be 1-200000 characters' },
        { field: 'metadata', message: 'metadata must be a JSON object' },
        { field: 'session_id', message: 'session_id must be 1-128 letters, digits, _ or -' },
        { field: 'subject_id', message: 'subject_id must be 1-200 characters' },
      ]),
    );
  });

  it('given blank content and a blank query, when validated, then each is refused as blank (memory reads them trimmed)', async () => {
    expect((await validated(StoreResourceDto, { resource_type: 'document', content: ' \n\t' })).violations).toEqual([{ field: 'content', message: 'content must not be blank' }]);
    expect((await validated(SearchMemoryDto, { query: '   ' })).violations).toEqual([{ field: 'query', message: 'query must not be blank' }]);
  });

  it('given no body fields, when validated, then resource_type and content are named as missing', async () => {
    expect([...new Set(fieldsOf((await validated(StoreResourceDto, {})).violations))]).toEqual(['resource_type', 'content']);
  });
});

describe('the search body', () => {
  it('given a query with every option and filter, when validated, then all are kept', async () => {
    const filters = { session_id: 'sess-1', category: 'user_preferences', created_after: '2026-01-01T00:00:00Z', created_before: '2026-02-01T00:00:00+01:00' };
    const { dto } = await validated(SearchMemoryDto, { query: 'tea', mode: 'rag', k: 50, filters });
    expect(dto).toMatchObject({ query: 'tea', mode: 'rag', k: 50, filters });
  });

  it('given only a query, when validated, then the options stay unset for memory to default', async () => {
    const { dto } = await validated(SearchMemoryDto, { query: 'tea' });
    expect([dto?.mode, dto?.k, dto?.filters]).toEqual([undefined, undefined, undefined]);
  });

  it('given every option wrong and unknown fields at both levels, when validated, then each is a violation, filters by their path', async () => {
    const body = {
      query: '',
      mode: 'vector',
      k: 51,
      limit: 3,
      filters: { session_id: 'a/b', category: 'User Prefs', created_after: '2026-01-01', created_before: 'yesterday', tenant_id: 'other' },
    };
    expect([...new Set(fieldsOf((await validated(SearchMemoryDto, body)).violations))].sort()).toEqual([
      'filters.category',
      'filters.created_after',
      'filters.created_before',
      'filters.session_id',
      'filters.tenant_id',
      'k',
      'limit',
      'mode',
      'query',
    ]);
  });

  it.each([[0], [1.5], ['5']])('given k %j, when validated, then it is refused', async (k) => {
    expect(fieldsOf((await validated(SearchMemoryDto, { query: 'tea', k })).violations)).toContain('k');
  });

  it('given a time window that ends before (or when) it starts, when validated, then created_before is named', async () => {
    for (const created_before of ['2026-01-01T00:00:00Z', '2025-12-31T23:00:00Z', '2026-01-01T01:00:00+01:00']) {
      const { violations } = await validated(SearchMemoryDto, { query: 'tea', filters: { created_after: '2026-01-01T00:00:00Z', created_before } });
      expect([created_before, violations]).toEqual([created_before, [{ field: 'filters.created_before', message: 'created_before must be later than created_after' }]]);
    }
  });

  it.each([['2026-01-01'], ['2026-02-30T00:00:00Z'], ['2026-01-01T00:00:00'], [20260101]])('given the time %j, when validated, then it is no RFC 3339 timestamp', async (created_after) => {
    expect((await validated(SearchMemoryDto, { query: 'tea', filters: { created_after } })).violations).toEqual([
      { field: 'filters.created_after', message: 'created_after must be an RFC 3339 timestamp (e.g. 2026-01-31T09:30:00Z)' },
    ]);
  });

  it('given filters that are not an object, when validated, then filters is named', async () => {
    expect((await validated(SearchMemoryDto, { query: 'tea', filters: 'session' })).violations).toContainEqual({ field: 'filters', message: 'filters must be a JSON object' });
  });
});

describe('path parameters', () => {
  it('given well-formed ids and names, when checked, then none is a violation', () => {
    expect(pathParameterViolation('resource', '0b3c9d4e-8f1a-4b2c-9d3e-4f5a6b7c8d9e')).toBeUndefined();
    expect(pathParameterViolation('session', 'sess_1-a')).toBeUndefined();
    expect(pathParameterViolation('subject', 'ada@example.com')).toBeUndefined();
    expect(pathParameterViolation('category', 'user_preferences')).toBeUndefined();
  });

  it.each([
    ['resource', 'not-a-uuid', 'id', 'id must be a resource id (a UUID)'],
    ['session', 'a b', 'id', 'id must be 1-128 letters, digits, _ or -'],
    ['session', 's'.repeat(129), 'id', 'id must be 1-128 letters, digits, _ or -'],
    ['subject', 's'.repeat(201), 'id', 'id must be 1-200 characters'],
    ['category', 'User', 'name', 'name must be lower-case letters, digits, _ and -, starting with a letter, at most 64'],
  ] as const)('given the %s %j, when checked, then it is a violation of %s', (kind, value, field, message) => {
    expect(pathParameterViolation(kind, value)).toEqual({ field, message });
  });
});
