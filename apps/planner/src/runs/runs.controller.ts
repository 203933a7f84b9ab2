import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, Queries } from '@sigil/catalog';
import { JetStreamContext, NonRetryableError, OnEvent, OnQuery, QueryContext } from '@sigil/messaging';
import type { GetRunRequest, OutputValidated, RouteDecided, RunRequested, StepCompleted, ContractSelected } from '@sigil/schemas';
import { DataSource } from 'typeorm';
import { RunOrchestrator } from './run-orchestrator';
import { runRepository } from './run-repository';
import { toRunView } from './run-view';

const delivery = (context: JetStreamContext) => ({ consumerName: context.consumerName, envelope: context.envelope });

@Controller()
export class RunsController {
  constructor(
    private readonly orchestrator: RunOrchestrator,
    private readonly dataSource: DataSource,
  ) {}

  @OnEvent(Events.RunRequested)
  onRunRequested(@Payload() run: RunRequested, @Ctx() context: JetStreamContext) {
    if (!run.agent) throw new NonRetryableError('run request without agent', 'validation_failed');
    const agent = { name: run.agent.name, systemPrompt: run.agent.systemPrompt, stratum: run.agent.stratum };
    return this.orchestrator.apply(delivery(context), run.runId, run.sessionId, {
      type: 'requested',
      input: run.input,
      agent,
      requestedAtMs: Number(run.requestedAtMs),
      requestId: run.requestId,
    });
  }

  @OnEvent(Events.RouteDecided)
  onRouteDecided(@Payload() route: RouteDecided, @Ctx() context: JetStreamContext) {
    return this.orchestrator.apply(delivery(context), route.runId, route.sessionId, {
      type: 'routed',
      strategy: route.strategy,
      complexity: route.complexity,
      intent: route.intent,
    });
  }

  @OnEvent(Events.ContractSelected)
  onContractSelected(@Payload() selected: ContractSelected, @Ctx() context: JetStreamContext) {
    return this.orchestrator.apply(delivery(context), selected.runId, selected.sessionId, {
      type: 'contract_selected',
      name: selected.contractName || null,
    });
  }

  @OnEvent(Events.StepCompleted)
  onStepCompleted(@Payload() step: StepCompleted, @Ctx() context: JetStreamContext) {
    return this.orchestrator.apply(delivery(context), step.runId, step.sessionId, {
      type: 'step_completed',
      stepId: step.stepId,
      output: step.output,
      tokens: { inputTokens: Number(step.tokensUsed?.inputTokens ?? 0n), outputTokens: Number(step.tokensUsed?.outputTokens ?? 0n) },
      model: step.modelUsed,
    });
  }

  @OnEvent(Events.OutputValidated)
  onOutputValidated(@Payload() verdict: OutputValidated, @Ctx() context: JetStreamContext) {
    return this.orchestrator.apply(delivery(context), verdict.runId, verdict.sessionId, {
      type: 'validated',
      isValid: verdict.isValid,
      decision: verdict.decision,
      errors: verdict.errors.map((error) => error.message),
      atMs: Date.parse(context.envelope.time),
    });
  }

  @OnQuery(Queries.GetRun)
  async getRun(@Payload() request: GetRunRequest, @Ctx() context: QueryContext) {
    const state = await runRepository.find(this.dataSource, context.envelope.tenantId, request.runId);
    if (!state) return { error: { code: 'RUN_001', message: `run ${request.runId} not found`, status: 404 } };
    return { run: toRunView(state) };
  }
}
