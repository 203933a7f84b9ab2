import { Logger } from '@nestjs/common';
import { estimateRequestTokens, type LlmProvider } from '@sigil/llm';
import { BudgetExceededError, type ModelCallOptions, type ModelRequest, type ModelResponse, type ReasoningModel } from '@sigil/reasoning';
import type { RunBudget, RunBudgetLedger } from './run-budget-ledger';

/**
 * The provider as a run's steps see it: no call is made unless the run's budget can cover its worst
 * case, and every call's actual usage is booked, whichever strategy, retry or fallback made it.
 * `onWarning` is told once per run when the usage first reaches 80% of the limit.
 */
export class BudgetedModel implements ReasoningModel {
  private readonly logger = new Logger(BudgetedModel.name);

  constructor(
    private readonly provider: LlmProvider,
    private readonly ledger: RunBudgetLedger,
    private readonly budget: RunBudget,
    private readonly onWarning: (used: number) => Promise<void>,
  ) {}

  async complete(request: ModelRequest, options?: ModelCallOptions): Promise<ModelResponse> {
    const worstCase = estimateRequestTokens(request) + request.maxOutputTokens;
    const reservation = await this.ledger.reserve(this.budget, worstCase);
    if (!reservation.granted) {
      throw new BudgetExceededError(
        `run token budget exceeded: ${reservation.used} used and ${reservation.reserved} reserved of ${this.budget.limit}; this call could take ${worstCase} more`,
      );
    }
    let actual = 0;
    try {
      const response = await this.provider.complete(request, options);
      actual = response.inputTokens + response.outputTokens;
      return response;
    } finally {
      await this.settle(worstCase, actual);
    }
  }

  /**
   * A settlement that fails leaves the worst case reserved (never less than what the call used), so
   * the budget stays on the safe side; the reservation goes with the ledger's 24 h expiry.
   */
  private async settle(worstCase: number, actual: number): Promise<void> {
    try {
      const { used, warn } = await this.ledger.settle(this.budget, worstCase, actual);
      if (warn) await this.onWarning(used);
    } catch (error) {
      this.logger.warn(`run ${this.budget.runId}: could not settle ${actual} tokens: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
