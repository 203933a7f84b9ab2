import { deterministicCompletion, estimateTokens } from './deterministic-provider';

describe('deterministic provider', () => {
  const request = { system: 'You are terse.', prompt: 'What is 2 + 2?', maxOutputTokens: 256 };

  it('given the same request twice, when completed, then the answers are identical', () => {
    expect(deterministicCompletion(request)).toEqual(deterministicCompletion(request));
  });

  it('given a request, when completed, then tokens are counted for input and output', () => {
    const completion = deterministicCompletion(request);
    expect(completion.text).toBe('Answering as instructed (4 tokens of instructions): What is 2 + 2?');
    expect(completion.inputTokens).toBe(estimateTokens(request.system) + estimateTokens(request.prompt));
    expect(completion.outputTokens).toBe(estimateTokens(completion.text));
  });

  it('given a small output budget, when completed, then the text is cut to it', () => {
    const completion = deterministicCompletion({ ...request, maxOutputTokens: 3 });
    expect(completion.text.length).toBeLessThanOrEqual(12);
    expect(completion.outputTokens).toBeLessThanOrEqual(3);
  });
});
