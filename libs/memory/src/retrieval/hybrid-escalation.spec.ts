import { DEFAULT_HYBRID_THRESHOLD, shouldEscalate } from './hybrid-escalation';

describe('hybrid escalation', () => {
  it('given a best rag score below the threshold, when checked, then the search escalates to llm', () => {
    expect(shouldEscalate(0.69, DEFAULT_HYBRID_THRESHOLD)).toBe(true);
  });

  it('given a best rag score at or above the threshold, when checked, then rag answers', () => {
    expect(shouldEscalate(0.7, DEFAULT_HYBRID_THRESHOLD)).toBe(false);
    expect(shouldEscalate(0.95, DEFAULT_HYBRID_THRESHOLD)).toBe(false);
  });

  it('given rag found nothing, when checked, then the search escalates', () => {
    expect(shouldEscalate(undefined, DEFAULT_HYBRID_THRESHOLD)).toBe(true);
  });
});
