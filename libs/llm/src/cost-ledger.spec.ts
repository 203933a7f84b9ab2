import { CostLedger } from './cost-ledger';

describe('cost ledger', () => {
  it('given calls on two models, when totalled, then each model has its calls, tokens and cost', () => {
    const ledger = new CostLedger();
    ledger.record('claude-sonnet-5-5', 100, 10, { costUsd: 0.5, priced: true });
    ledger.record('claude-sonnet-5-5', 200, 20, { costUsd: 0.25, priced: true });
    ledger.record('claude-opus-5-5', 1, 2, { costUsd: 1, priced: true });

    expect(ledger.byModel()).toEqual([
      { model: 'claude-opus-5-5', calls: 1, inputTokens: 1, outputTokens: 2, costUsd: 1, priced: true },
      { model: 'claude-sonnet-5-5', calls: 2, inputTokens: 300, outputTokens: 30, costUsd: 0.75, priced: true },
    ]);
    expect(ledger.total()).toEqual({ calls: 3, inputTokens: 301, outputTokens: 32, costUsd: 1.75 });
  });

  it('given a model without a price, when totalled, then it is marked unpriced', () => {
    const ledger = new CostLedger();
    ledger.record('claude-imaginary-9', 10, 10, { costUsd: 0, priced: false });
    expect(ledger.byModel()[0]).toMatchObject({ model: 'claude-imaginary-9', costUsd: 0, priced: false });
  });

  it('given nothing recorded, when totalled, then everything is zero', () => {
    expect(new CostLedger().total()).toEqual({ calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 });
  });
});
