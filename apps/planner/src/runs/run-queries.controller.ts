import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Queries } from '@sigil/catalog';
import { OnQuery, QueryContext } from '@sigil/messaging';
import type { GetAgentRunStatsRequest, GetRunPlanRequest, GetRunRequest, GetTokenUsageRequest, ListSessionRunsRequest } from '@sigil/schemas';
import { pageWindow } from '@sigil/persistence';
import { DataSource } from 'typeorm';
import { sinceBoundMs } from './run-query-requests';
import { runRepository } from './run-repository';
import { toRunPlanView, toRunView } from './run-view';

const runNotFound = (runId: string) => ({ code: 'RUN_001', message: `run ${runId} not found`, status: 404 });

/** The planner's read side: every query answers for the caller's tenant only. */
@Controller()
export class RunQueriesController {
  constructor(private readonly dataSource: DataSource) {}

  @OnQuery(Queries.GetRun)
  async getRun(@Payload() request: GetRunRequest, @Ctx() context: QueryContext) {
    const run = await runRepository.find(this.dataSource, context.envelope.tenantId, request.runId);
    if (!run) return { error: runNotFound(request.runId) };
    return { run: toRunView(run) };
  }

  /** The run's plan and each step's state (the plan_inspect tool, GET /v7/runs/{id}). */
  @OnQuery(Queries.GetRunPlan)
  async getRunPlan(@Payload() request: GetRunPlanRequest, @Ctx() context: QueryContext) {
    const run = await runRepository.find(this.dataSource, context.envelope.tenantId, request.runId);
    if (!run) return { error: runNotFound(request.runId) };
    return { plan: toRunPlanView(run.state) };
  }

  @OnQuery(Queries.ListSessionRuns)
  async listSessionRuns(@Payload() request: ListSessionRunsRequest, @Ctx() context: QueryContext) {
    const window = pageWindow(request.page, request.perPage);
    if ('problem' in window) return { error: { code: 'REQ_001', message: window.problem, status: 400 } };
    const { runs, total } = await runRepository.listBySession(this.dataSource, context.envelope.tenantId, request.sessionId, window);
    return { runs: runs.map(toRunView), total };
  }

  @OnQuery(Queries.GetTokenUsage)
  async getTokenUsage(@Payload() request: GetTokenUsageRequest, @Ctx() context: QueryContext) {
    const { runs, ...tokensUsed } = await runRepository.tokenUsageSince(this.dataSource, context.envelope.tenantId, sinceBoundMs(request.sinceMs));
    return { tokensUsed, runs };
  }

  @OnQuery(Queries.GetAgentRunStats)
  async getAgentRunStats(@Payload() request: GetAgentRunStatsRequest, @Ctx() context: QueryContext) {
    const { lastRunAt, ...counts } = await runRepository.agentRunCounts(this.dataSource, context.envelope.tenantId, request.agentName);
    return { ...counts, lastRunAt: lastRunAt?.toISOString() ?? '' };
  }
}
