import type { CallCost } from './model-prices';

export interface ModelUsageTotals {
  model: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** False when the model has no price in the table: `costUsd` counts it as 0. */
  priced: boolean;
}

export type UsageTotals = Omit<ModelUsageTotals, 'model' | 'priced'>;

/** Running totals of LLM usage and spend per model, for metrics and reports. */
export class CostLedger {
  private readonly models = new Map<string, ModelUsageTotals>();

  record(model: string, inputTokens: number, outputTokens: number, cost: CallCost): void {
    const totals = this.models.get(model) ?? { model, calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, priced: cost.priced };
    this.models.set(model, {
      model,
      calls: totals.calls + 1,
      inputTokens: totals.inputTokens + inputTokens,
      outputTokens: totals.outputTokens + outputTokens,
      costUsd: totals.costUsd + cost.costUsd,
      priced: totals.priced && cost.priced,
    });
  }

  byModel(): ModelUsageTotals[] {
    return [...this.models.values()].sort((a, b) => a.model.localeCompare(b.model));
  }

  total(): UsageTotals {
    return this.byModel().reduce(
      (sum, model) => ({
        calls: sum.calls + model.calls,
        inputTokens: sum.inputTokens + model.inputTokens,
        outputTokens: sum.outputTokens + model.outputTokens,
        costUsd: sum.costUsd + model.costUsd,
      }),
      { calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 },
    );
  }
}
