import { costOf, priceOf } from './model-prices';

describe('model prices', () => {
  it('given a known model, when a call is priced, then input and output tokens are billed at their rates per million', () => {
    expect(costOf('claude-sonnet-5-5', 1_000_000, 100_000)).toEqual({ costUsd: 2 + 1, priced: true });
  });

  it('given a dated snapshot id, when looked up, then the model family price applies', () => {
    expect(priceOf('claude-haiku-4-5-20251001')).toEqual(priceOf('claude-haiku-4-5'));
  });

  it('given an unknown model, when priced, then it costs 0 and says it is unpriced', () => {
    expect(costOf('claude-imaginary-9', 1_000, 1_000)).toEqual({ costUsd: 0, priced: false });
  });

  it('given the local deterministic model, when priced, then it is free and priced', () => {
    expect(costOf('sigil-local-deterministic', 5_000, 5_000)).toEqual({ costUsd: 0, priced: true });
  });

  it('given a model with a long-prompt tier, when the prompt passes the threshold, then every token bills at the higher rate', () => {
    expect(costOf('claude-haiku-5-5', 100_000, 1_000_000).costUsd).toBeCloseTo(0.01 + 0.5);
    expect(costOf('claude-haiku-5-5', 100_001, 1_000_000).costUsd).toBeCloseTo(0.0500005 + 2.5);
  });
});
