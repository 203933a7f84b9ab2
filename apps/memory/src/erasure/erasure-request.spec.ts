import { create } from '@bufbuild/protobuf';
import { EraseMemoryRequestSchema } from '@sigil/schemas';
import { erasureScopeOf } from './erasure-request';

const request = (fields: { sessionId?: string; subjectId?: string }) => create(EraseMemoryRequestSchema, fields);

describe('erasure request', () => {
  it('given a session id only, when checked, then the session is the scope', () => {
    expect(erasureScopeOf(request({ sessionId: 'session-1' }))).toEqual({ ok: true, value: { scope: 'session', scopeId: 'session-1' } });
  });

  it('given a subject id only, when checked, then the subject is the scope', () => {
    expect(erasureScopeOf(request({ subjectId: 'person-7' }))).toEqual({ ok: true, value: { scope: 'subject', scopeId: 'person-7' } });
  });

  it('given neither, when checked, then it is refused rather than erasing everything', () => {
    expect(erasureScopeOf(request({}))).toEqual({ ok: false, problems: ['exactly one of session_id and subject_id must be given, not neither'] });
  });

  it('given both, when checked, then it is refused', () => {
    expect(erasureScopeOf(request({ sessionId: 's', subjectId: 'p' }))).toEqual({ ok: false, problems: ['exactly one of session_id and subject_id must be given, not both'] });
  });

  it('given an id over 200 characters, when checked, then it is refused naming the field', () => {
    expect(erasureScopeOf(request({ subjectId: 'p'.repeat(201) }))).toEqual({ ok: false, problems: ['subject_id must be at most 200 characters'] });
  });
});
