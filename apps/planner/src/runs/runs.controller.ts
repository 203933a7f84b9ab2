import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events } from '@sigil/catalog';
import { JetStreamContext, NonRetryableError, OnEvent } from '@sigil/messaging';
import { deliveryOf } from '@sigil/persistence';
import type { ContractDecision } from '@sigil/planning';
import type { ContractSelected, OutputValidated, Recalled, RouteDecided, RunCancelRequested, RunRequested, RunReviewed, StepCompleted, StepFailed } from '@sigil/schemas';
import { PLANNER_SETTINGS, type PlannerSettings } from '../settings/planner-settings';
import { RunOrchestrator } from './run-orchestrator';

const CONTRACT_CODE = /^CV-00\d$/;
/** Earlier turns of the session a run is given (newest first when there are more). */
export const HISTORY_TURNS = 10;

const tokensOf = (usage: StepCompleted['tokensUsed']) => ({ inputTokens: Number(usage?.inputTokens ?? 0n), outputTokens: Number(usage?.outputTokens ?? 0n) });
/** When the fact happened: its envelope's time (the sender's clock). */
const timeOf = (context: JetStreamContext) => Date.parse(context.envelope.time);

/** The run saga's facts, from the bus; the queries are in RunQueriesController. */
@Controller()
export class RunsController {
  constructor(
    private readonly orchestrator: RunOrchestrator,
    @Inject(PLANNER_SETTINGS) private readonly settings: PlannerSettings,
  ) {}

  @OnEvent(Events.RunRequested)
  onRunRequested(@Payload() run: RunRequested, @Ctx() context: JetStreamContext) {
    const agent = run.agent;
    if (!agent) throw new NonRetryableError('run request without agent', 'validation_failed');
    const requestedAtMs = Number(run.requestedAtMs);
    return this.orchestrator.apply(deliveryOf(context), run.runId, run.sessionId, {
      historyAsked: { askedAtMs: requestedAtMs, turns: HISTORY_TURNS },
      withHistory: (history) => ({
        type: 'requested',
        input: run.input,
        agent: { name: agent.name, version: agent.version, systemPrompt: agent.systemPrompt, stratum: agent.stratum },
        requestedAtMs,
        requestId: run.requestId,
        // The gateway resolves the budget (request, agent, platform); a request without one still gets a budget.
        maxTotalTokens: Number(run.maxTotalTokens) || Number(agent.maxTotalTokens) || this.settings.defaultTokenBudget,
        deadlineMs: Number(run.deadlineMs),
        history,
        contractOverride: run.contractName !== '' || run.contractJson !== '',
      }),
    });
  }

  @OnEvent(Events.RouteDecided)
  onRouteDecided(@Payload() route: RouteDecided, @Ctx() context: JetStreamContext) {
    return this.orchestrator.apply(deliveryOf(context), route.runId, route.sessionId, {
      type: 'routed',
      strategy: route.strategy,
      complexity: route.complexity,
      intent: route.intent,
      usePlanning: route.usePlanning,
      useMemory: route.useMemory,
      useContracts: route.useContracts,
    });
  }

  @OnEvent(Events.ContractSelected)
  onContractSelected(@Payload() selected: ContractSelected, @Ctx() context: JetStreamContext) {
    return this.orchestrator.apply(deliveryOf(context), selected.runId, selected.sessionId, {
      type: 'contract_selected',
      name: selected.contractName || null,
      failureStrategy: selected.failureStrategy,
      maxRetries: selected.maxRetries,
      promptContext: selected.promptContext,
      strategy: selected.strategy,
    });
  }

  @OnEvent(Events.Recalled)
  onRecalled(@Payload() recalled: Recalled, @Ctx() context: JetStreamContext) {
    return this.orchestrator.apply(deliveryOf(context), recalled.runId, recalled.sessionId, {
      type: 'recalled',
      items: recalled.items.map((item) => ({ itemId: item.itemId, content: item.content, score: item.score, category: item.category, looksLikeInstructions: item.looksLikeInstructions })),
      tokens: Number(recalled.tokens),
    });
  }

  @OnEvent(Events.StepCompleted)
  onStepCompleted(@Payload() step: StepCompleted, @Ctx() context: JetStreamContext) {
    return this.orchestrator.apply(deliveryOf(context), step.runId, step.sessionId, {
      type: 'step_completed',
      stepId: step.stepId,
      output: step.output,
      tokens: tokensOf(step.tokensUsed),
      model: step.modelUsed,
      atMs: timeOf(context),
    });
  }

  @OnEvent(Events.StepFailed)
  onStepFailed(@Payload() step: StepFailed, @Ctx() context: JetStreamContext) {
    return this.orchestrator.apply(deliveryOf(context), step.runId, step.sessionId, {
      type: 'step_failed',
      stepId: step.stepId,
      errorCode: step.errorCode,
      message: step.message,
      retryable: step.retryable,
      tokens: tokensOf(step.tokensUsed),
      model: step.modelUsed,
      atMs: timeOf(context),
    });
  }

  @OnEvent(Events.OutputValidated)
  onOutputValidated(@Payload() verdict: OutputValidated, @Ctx() context: JetStreamContext) {
    return this.orchestrator.apply(deliveryOf(context), verdict.runId, verdict.sessionId, {
      type: 'validated',
      attempt: verdict.attempt,
      isValid: verdict.isValid,
      decision: verdict.decision as ContractDecision,
      errors: verdict.errors.map((error) => error.message),
      refinedPrompt: verdict.refinedPrompt || undefined,
      output: verdict.output || undefined,
      // A refused contract (unknown name, invalid inline spec) fails with its own code, carried as the error's rule.
      errorCode: verdict.errors.find((error) => CONTRACT_CODE.test(error.rule))?.rule,
      atMs: timeOf(context),
    });
  }

  @OnEvent(Events.RunReviewed)
  onRunReviewed(@Payload() review: RunReviewed, @Ctx() context: JetStreamContext) {
    return this.orchestrator.apply(deliveryOf(context), review.runId, review.sessionId, {
      type: 'reviewed',
      approved: review.approved,
      output: review.output || undefined,
      note: review.note,
      atMs: timeOf(context),
    });
  }

  @OnEvent(Events.RunCancelRequested)
  onRunCancelRequested(@Payload() cancel: RunCancelRequested, @Ctx() context: JetStreamContext) {
    return this.orchestrator.applyToExisting(deliveryOf(context), cancel.runId, { type: 'cancel_requested', reason: cancel.reason, atMs: timeOf(context) });
  }
}
