import { create } from '@bufbuild/protobuf';
import { StoreResourceRequestSchema } from '@sigil/schemas';
import { MAX_METADATA_BYTES, MAX_RESOURCE_CHARS, newResourceOf } from './resource-request';

const request = (fields: Parameters<typeof create<typeof StoreResourceRequestSchema>>[1]) =>
  create(StoreResourceRequestSchema, { resourceType: 'document', content: 'The office moves to Oslo in May.', ...fields });
const caller = { sessionId: 'session-of-call', runId: 'run-of-call' };

describe('store resource request', () => {
  it('given a document alone, when checked, then its content is kept whole, its metadata is {} and it belongs to the caller’s session and run', () => {
    expect(newResourceOf(request({ content: '  Kept as given.\n' }), caller)).toEqual({
      ok: true,
      value: {
        resourceType: 'document',
        content: '  Kept as given.\n',
        metadata: '{}',
        sessionId: 'session-of-call',
        subjectId: null,
        runId: 'run-of-call',
        idempotencyKey: null,
      },
    });
  });

  it('given every field, when checked, then the request’s session, subject, metadata and key are kept', () => {
    const checked = newResourceOf(request({ resourceType: 'transcript', metadataJson: '{"title":"call"}', sessionId: 's-1', subjectId: 'person-7', idempotencyKey: 'k-1' }), {});
    expect(checked).toMatchObject({ ok: true, value: { resourceType: 'transcript', metadata: '{"title":"call"}', sessionId: 's-1', subjectId: 'person-7', runId: null, idempotencyKey: 'k-1' } });
  });

  it.each(['conversation', 'document', 'config', 'transcript'])('given the type %s, when checked, then it is accepted', (resourceType) => {
    expect(newResourceOf(request({ resourceType }), caller).ok).toBe(true);
  });

  it('given an unknown type, when checked, then it is refused naming the types', () => {
    expect(newResourceOf(request({ resourceType: 'email' }), caller)).toEqual({
      ok: false,
      problems: ["resource_type must be one of conversation, document, config, transcript, not 'email'"],
    });
  });

  it('given blank content, or content over 200,000 characters counted by code point, when checked, then it is refused', () => {
    expect(newResourceOf(request({ content: ' \n ' }), caller)).toEqual({ ok: false, problems: ['content must be 1 to 200000 characters, not 0'] });
    expect(newResourceOf(request({ content: '😀'.repeat(MAX_RESOURCE_CHARS) }), caller).ok).toBe(true);
    expect(newResourceOf(request({ content: 'a'.repeat(MAX_RESOURCE_CHARS + 1) }), caller)).toEqual({
      ok: false,
      problems: ['content must be 1 to 200000 characters, not 200001'],
    });
  });

  it.each([['[1,2]'], ['"text"'], ['null'], ['{not json']])('given metadata %s, when checked, then it is refused as not a JSON object', (metadataJson) => {
    expect(newResourceOf(request({ metadataJson }), caller)).toEqual({ ok: false, problems: ['metadata must be a JSON object'] });
  });

  it('given metadata over 16 KB of JSON, when checked, then it is refused naming its size', () => {
    const metadataJson = JSON.stringify({ note: 'x'.repeat(MAX_METADATA_BYTES) });
    expect(newResourceOf(request({ metadataJson }), caller)).toEqual({
      ok: false,
      problems: [`metadata must be at most 16384 bytes of JSON, not ${metadataJson.length}`],
    });
  });

  it('given ids over 200 characters, when checked, then each is refused by name', () => {
    const long = 'i'.repeat(201);
    expect(newResourceOf(request({ sessionId: long, subjectId: long, idempotencyKey: long }), { runId: long })).toEqual({
      ok: false,
      problems: ['session_id must be at most 200 characters', 'subject_id must be at most 200 characters', 'run_id must be at most 200 characters', 'idempotency_key must be at most 200 characters'],
    });
  });
});
