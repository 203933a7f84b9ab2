import { Inject, Injectable, Logger } from '@nestjs/common';
import { Events } from '@sigil/catalog';
import type { LlmProvider, LlmSettings } from '@sigil/llm';
import { causedBy, correlationOf, EventPublisher, type Envelope } from '@sigil/messaging';
import { runStep, type ReasoningModel } from '@sigil/reasoning';
import type { StepRequested } from '@sigil/schemas';
import { BudgetedModel } from '../budget/budgeted-model';
import { RunBudgetLedger, type RunBudget } from '../budget/run-budget-ledger';
import { InFlightSteps } from '../cancellation/in-flight-steps';
import { LLM_PROVIDER, LLM_SETTINGS } from '../llm/llm.module';
import { streamingModel, TokenStreams } from '../streaming/token-stream';
import { BuiltinTools } from '../tools/builtin-tools';
import { KEEP_ALIVE_MS } from './step-consumer-options';
import { stepEventOf, stepInputOf } from './step-events';

/**
 * Runs one requested step: its model is the provider behind the run's budget and the step's token
 * stream, its tools are the built-in ones bound to the step's tenant, and it stops when its run is
 * cancelled or its deadline passes. Every event it publishes takes its id from the request's, so
 * a redelivered request's events are duplicates JetStream drops.
 */
@Injectable()
export class StepWorker {
  private readonly logger = new Logger(StepWorker.name);

  constructor(
    @Inject(LLM_PROVIDER) private readonly provider: LlmProvider,
    @Inject(LLM_SETTINGS) private readonly settings: LlmSettings,
    private readonly ledger: RunBudgetLedger,
    private readonly tokens: TokenStreams,
    private readonly inFlight: InFlightSteps,
    private readonly tools: BuiltinTools,
    private readonly publisher: EventPublisher,
  ) {}

  async run(step: StepRequested, envelope: Envelope, keepAlive: () => void): Promise<void> {
    const work = this.inFlight.start(envelope.tenantId, step.runId, Number(step.deadlineMs));
    const stream = this.tokens.forStep(step.runId, step.stepId);
    const heartbeat = setInterval(keepAlive, KEEP_ALIVE_MS);
    try {
      const outcome = await runStep(stepInputOf(step, this.settings.maxOutputTokens), {
        model: streamingModel(this.budgeted(step, envelope), stream),
        tools: this.tools.forStep(correlationOf(envelope)),
        signal: work.signal,
      });
      stream.done();
      if (outcome.status === 'failed') this.logger.warn(`step ${step.stepId} failed ${outcome.errorCode}: ${outcome.message}`);
      if (outcome.trace.length > 0) this.logger.debug(`step ${step.stepId} trace:\n${outcome.trace.join('\n')}`);
      const event = stepEventOf(step, outcome);
      const options = causedBy(envelope, event.kind);
      if (event.kind === 'completed') await this.publisher.publish(Events.StepCompleted, event.payload, options);
      else await this.publisher.publish(Events.StepFailed, event.payload, options);
    } finally {
      clearInterval(heartbeat);
      work.finish();
      stream.done();
    }
  }

  /** Without a run budget (a step from before budgets existed), calls are not limited. */
  private budgeted(step: StepRequested, envelope: Envelope): ReasoningModel {
    const limit = Number(step.runTokenLimit);
    if (limit <= 0) return this.provider;
    const budget: RunBudget = { tenantId: envelope.tenantId, runId: step.runId, limit };
    return new BudgetedModel(this.provider, this.ledger, budget, async (used) => {
      try {
        await this.publisher.publish(
          Events.RunBudgetWarning,
          { runId: step.runId, sessionId: step.sessionId, tokensUsed: BigInt(used), maxTotalTokens: BigInt(limit) },
          { ...correlationOf(envelope), id: `${step.runId}:budget-warning`, causationId: envelope.id },
        );
      } catch (error) {
        await this.ledger.forgetWarning(budget);
        throw error;
      }
    });
  }
}
