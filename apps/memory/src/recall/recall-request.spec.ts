import { create } from '@bufbuild/protobuf';
import { RecallRequestedSchema } from '@sigil/schemas';
import { recallOf } from './recall-request';

const request = (fields: Parameters<typeof create<typeof RecallRequestedSchema>>[1]) => create(RecallRequestedSchema, { runId: 'r', sessionId: 's', ...fields });

describe('recall request', () => {
  it('given the planner’s request, when read, then the query is searched for k items across every session', () => {
    expect(recallOf(request({ query: ' Ship the order ', k: 8, maxTokens: 4_000n }))).toEqual({ criteria: { query: 'Ship the order', k: 8 }, maxTokens: 4_000 });
  });

  it('given k and allowance unset, when read, then the defaults apply: 5 items, 4,000 tokens', () => {
    expect(recallOf(request({ query: 'q' }))).toEqual({ criteria: { query: 'q', k: 5 }, maxTokens: 4_000 });
  });

  it('given k above 50, when read, then 50 are searched for rather than the request refused', () => {
    expect(recallOf(request({ query: 'q', k: 500 })).criteria?.k).toBe(50);
  });

  it('given a query longer than 2,000 characters, when read, then its first 2,000 are searched', () => {
    expect(recallOf(request({ query: `${'a'.repeat(2_000)}tail` })).criteria?.query).toBe('a'.repeat(2_000));
  });

  it('given a blank query, when read, then there is nothing to search and the allowance stands', () => {
    expect(recallOf(request({ query: '  ', maxTokens: 10n }))).toEqual({ maxTokens: 10 });
  });
});
