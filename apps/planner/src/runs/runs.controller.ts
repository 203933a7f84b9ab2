import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events } from '@sigil/catalog';
import { JetStreamContext, NonRetryableError, OnEvent } from '@sigil/messaging';
import { deliveryOf } from '@sigil/persistence';
import type { ContractDecision } from '@sigil/planning';
import type { ContractSelected, OutputValidated, RouteDecided, RunRequested, RunReviewed, StepCompleted } from '@sigil/schemas';
import { RunOrchestrator } from './run-orchestrator';

const CONTRACT_CODE = /^CV-00\d$/;

/** The run saga's facts, from the bus; the queries are in RunQueriesController. */
@Controller()
export class RunsController {
  constructor(private readonly orchestrator: RunOrchestrator) {}

  @OnEvent(Events.RunRequested)
  onRunRequested(@Payload() run: RunRequested, @Ctx() context: JetStreamContext) {
    if (!run.agent) throw new NonRetryableError('run request without agent', 'validation_failed');
    const agent = { name: run.agent.name, version: run.agent.version, systemPrompt: run.agent.systemPrompt, stratum: run.agent.stratum };
    return this.orchestrator.apply(deliveryOf(context), run.runId, run.sessionId, {
      type: 'requested',
      input: run.input,
      agent,
      requestedAtMs: Number(run.requestedAtMs),
      requestId: run.requestId,
    });
  }

  @OnEvent(Events.RouteDecided)
  onRouteDecided(@Payload() route: RouteDecided, @Ctx() context: JetStreamContext) {
    return this.orchestrator.apply(deliveryOf(context), route.runId, route.sessionId, {
      type: 'routed',
      strategy: route.strategy,
      complexity: route.complexity,
      intent: route.intent,
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

  @OnEvent(Events.StepCompleted)
  onStepCompleted(@Payload() step: StepCompleted, @Ctx() context: JetStreamContext) {
    return this.orchestrator.apply(deliveryOf(context), step.runId, step.sessionId, {
      type: 'step_completed',
      stepId: step.stepId,
      output: step.output,
      tokens: { inputTokens: Number(step.tokensUsed?.inputTokens ?? 0n), outputTokens: Number(step.tokensUsed?.outputTokens ?? 0n) },
      model: step.modelUsed,
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
      atMs: Date.parse(context.envelope.time),
    });
  }

  @OnEvent(Events.RunReviewed)
  onRunReviewed(@Payload() review: RunReviewed, @Ctx() context: JetStreamContext) {
    return this.orchestrator.apply(deliveryOf(context), review.runId, review.sessionId, {
      type: 'reviewed',
      approved: review.approved,
      output: review.output || undefined,
      note: review.note,
      atMs: Date.parse(context.envelope.time),
    });
  }
}
