import type { ModelCallOptions, ModelRequest, ModelResponse, ReasoningModel } from './model-port';
import { cancellationReason, StepCancelledError } from './reasoning-errors';

export interface ModelUsage {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** The models that answered, in the order first seen. */
  models: string[];
}

/**
 * The model as one step sees it: every call passes the step's abort signal, no call starts once the
 * step is cancelled, and every call's tokens and cost are summed, whichever strategy made it.
 */
export class MeteredModel implements ReasoningModel {
  private readonly totals: ModelUsage = { calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, models: [] };

  constructor(
    private readonly model: ReasoningModel,
    private readonly signal: AbortSignal,
  ) {}

  async complete(request: ModelRequest, options: ModelCallOptions = {}): Promise<ModelResponse> {
    if (this.signal.aborted) throw new StepCancelledError(cancellationReason(this.signal));
    const response = await this.model.complete(request, { ...options, signal: this.signal });
    this.totals.calls += 1;
    this.totals.inputTokens += response.inputTokens;
    this.totals.outputTokens += response.outputTokens;
    this.totals.costUsd += response.costUsd;
    if (!this.totals.models.includes(response.model)) this.totals.models.push(response.model);
    return response;
  }

  usage(): ModelUsage {
    return { ...this.totals, models: [...this.totals.models] };
  }

  get tokensUsed(): number {
    return this.totals.inputTokens + this.totals.outputTokens;
  }
}
