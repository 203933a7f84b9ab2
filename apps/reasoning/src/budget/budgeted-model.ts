import { Logger } from '@nestjs/common';
import { estimateRequestTokens, type LlmProvider } from '@sigil/llm';
import { BudgetExceededError, type ModelCallOptions, type ModelRequest, type ModelResponse, type ReasoningModel } from '@sigil/reasoning';
import type { RunBudget, RunBudgetLedger } from './run-budget-ledger';

/** A call with less room than this for its answer is not worth making: the run stops instead (CTX_003). */
const MIN_USEFUL_OUTPUT_TOKENS = 256;

/**
 * The provider as a run's steps see it: no call is made unless the run's budget covers its input and
 * a useful answer, its output is capped to what the budget still covers, and every call's actual
 * usage is booked, whichever strategy, retry or fallback made it.
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
    const input = estimateRequestTokens(request);
    const minOutput = Math.min(request.maxOutputTokens, MIN_USEFUL_OUTPUT_TOKENS);
    const reservation = await this.ledger.reserve(this.budget, { input, maxOutput: request.maxOutputTokens, minOutput });
    if (!reservation.granted) {
      throw new BudgetExceededError(
        `run token budget exceeded: ${reservation.used} used and ${reservation.reserved} reserved of ${this.budget.limit}; this call needs at least ${input + minOutput} more`,
      );
    }
    let actual = 0;
    try {
      const response = await this.provider.complete({ ...request, maxOutputTokens: reservation.tokens - input }, options);
      actual = response.inputTokens + response.outputTokens;
      return response;
    } finally {
      await this.settle(reservation.tokens, actual);
    }
  }

  /**
   * A settlement that fails leaves the worst case reserved (never less than what the call used), so
   * the budget stays on the safe side; the reservation goes with the ledger's 24 h expiry.
   */
  private async settle(reserved: number, actual: number): Promise<void> {
    try {
      const { used, warn } = await this.ledger.settle(this.budget, reserved, actual);
      if (warn) await this.onWarning(used);
    } catch (error) {
      this.logger.warn(`run ${this.budget.runId}: could not settle ${actual} tokens: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
