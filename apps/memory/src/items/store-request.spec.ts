import { create } from '@bufbuild/protobuf';
import { StoreMemoryRequestSchema } from '@sigil/schemas';
import { newItemOf } from './store-request';

const request = (fields: Parameters<typeof create<typeof StoreMemoryRequestSchema>>[1]) => create(StoreMemoryRequestSchema, fields);
const caller = { sessionId: 'session-of-call', runId: 'run-of-call' };

describe('store request', () => {
  it('given content only, when checked, then it is trimmed, general, and belongs to the caller’s session and run', () => {
    expect(newItemOf(request({ content: '  Prefers email  ' }), caller)).toEqual({
      ok: true,
      value: { content: 'Prefers email', category: 'general', confidence: 1, sessionId: 'session-of-call', runId: 'run-of-call', idempotencyKey: null },
    });
  });

  it('given every field, when checked, then the request’s own session, run and key are kept', () => {
    const stored = newItemOf(request({ content: 'x', category: 'user_preferences', confidence: 0.4, sessionId: 's-1', runId: 'r-1', idempotencyKey: 'r-1:step:0' }), caller);
    expect(stored).toEqual({
      ok: true,
      value: { content: 'x', category: 'user_preferences', confidence: 0.4, sessionId: 's-1', runId: 'r-1', idempotencyKey: 'r-1:step:0' },
    });
  });

  it('given a caller without session or run, when checked, then the item has none', () => {
    expect(newItemOf(request({ content: 'x' }), {})).toMatchObject({ ok: true, value: { sessionId: null, runId: null } });
  });

  it('given content of 10,000 characters counted by code point, when checked, then it is accepted; one more is refused', () => {
    expect(newItemOf(request({ content: '😀'.repeat(10_000) }), caller).ok).toBe(true);
    expect(newItemOf(request({ content: 'a'.repeat(10_001) }), caller)).toEqual({ ok: false, problems: ['content must be 1 to 10000 characters, not 10001'] });
  });

  it('given blank content and a malformed category, when checked, then both problems are named', () => {
    expect(newItemOf(request({ content: ' \n ', category: 'User Prefs' }), caller)).toEqual({
      ok: false,
      problems: ['content must be 1 to 10000 characters, not 0', "category 'User Prefs' must match ^[a-z][a-z0-9_-]{0,63}$ (lower-case letters, digits, _ and -, at most 64)"],
    });
  });

  it('given a confidence above 1 or below 0, when checked, then it is refused naming confidence', () => {
    expect(newItemOf(request({ content: 'x', confidence: 1.5 }), caller)).toEqual({ ok: false, problems: ['confidence must be a number from 0 to 1, not 1.5'] });
    expect(newItemOf(request({ content: 'x', confidence: -0.1 }), caller)).toEqual({ ok: false, problems: ['confidence must be a number from 0 to 1, not -0.1'] });
  });

  it('given a run id longer than 200 characters from the caller, when checked, then it is refused', () => {
    expect(newItemOf(request({ content: 'x' }), { runId: 'r'.repeat(201) })).toEqual({ ok: false, problems: ['run_id must be at most 200 characters'] });
  });

  it('given an idempotency key longer than 200 characters, when checked, then it is refused', () => {
    expect(newItemOf(request({ content: 'x', idempotencyKey: 'k'.repeat(201) }), caller)).toEqual({ ok: false, problems: ['idempotency_key must be at most 200 characters'] });
  });
});
