import { DEFAULT_RECALL_SETTINGS, recallOf } from './recall-request';

describe('recall of a run', () => {
  it("given a run's input, when read, then it is searched for k items across every session in the recall's mode within the allowance", () => {
    expect(recallOf(' Ship the order ', DEFAULT_RECALL_SETTINGS)).toEqual({ search: { query: 'Ship the order', k: 8, mode: 'rag' }, maxTokens: 4_000 });
    expect(recallOf('q', { ...DEFAULT_RECALL_SETTINGS, mode: 'hybrid' }).search?.mode).toBe('hybrid');
  });

  it('given k above 50, when read, then 50 are searched for', () => {
    expect(recallOf('q', { ...DEFAULT_RECALL_SETTINGS, k: 500 }).search?.k).toBe(50);
  });

  it('given an input longer than 2,000 characters, when read, then its first 2,000 are searched', () => {
    expect(recallOf(`${'a'.repeat(2_000)}tail`, DEFAULT_RECALL_SETTINGS).search?.query).toBe('a'.repeat(2_000));
  });

  it('given a blank input, when read, then there is nothing to search and the allowance stands', () => {
    expect(recallOf('  ', { ...DEFAULT_RECALL_SETTINGS, maxTokens: 10 })).toEqual({ maxTokens: 10 });
  });
});
