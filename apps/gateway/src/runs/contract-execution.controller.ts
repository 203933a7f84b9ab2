import { Body, Controller, HttpCode, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiResponse } from '@nestjs/swagger';
import { RequireScopes } from '../auth/route-access';
import { Problems } from '../common/problem';
import { correlationFor } from '../common/request-correlation';
import { ExecutionRequestDto } from './execution-request.dto';
import { executionFailure, executionResult } from './execution-result';
import { DocumentedRunStops } from './run-api-docs';
import { runConfigOf } from './run-config.dto';
import { RunLauncher } from './run-launcher';
import { accepted, finishedRunMissing } from './run-replies';
import { RunsClient } from './runs.client';
import { stoppedRunProblem } from './stopped-run-problem';
import { IdempotentPost } from '../idempotency/idempotent-post';
import { StartsRuns } from '../rate-limits/starts-runs';
import { problemResponse } from '../openapi/problem-schema';

@Controller('v7/contracts')
export class ContractExecutionController {
  constructor(
    private readonly launcher: RunLauncher,
    private readonly runs: RunsClient,
  ) {}

  /**
   * Runs an agent on a task held to a given contract (a tenant's, a template or inline), optionally with
   * another failure strategy, and answers the spec's ExecutionResult; a run escalated for review answers 202.
   * A run stopped by a cancellation, its deadline or its token budget answers as a problem with its partial results.
   */
  @IdempotentPost('execute')
  @HttpCode(200)
  @RequireScopes('agents:execute')
  @StartsRuns()
  @DocumentedRunStops({
    conflicts: ['AGT_003: the agent is inactive'],
    unprocessable: [
      'CV-008: the output broke its contract and the failure strategy is fail',
      'CV-007: the output was rejected in review',
      'PLAN_001/PLAN_002/PLAN_003: the plan made for the task was refused twice (a cycle, an unknown dependency, a malformed plan)',
      'CTX_004: the required context does not fit the model window',
    ],
  })
  @ApiResponse({ status: 502, ...problemResponse('RSN_001: every reasoning strategy of the fallback chain failed; RSN_002: a tool the plan needed failed') })
  @ApiResponse({ status: 503, ...problemResponse('LLM_001: the model provider is unavailable (circuit open or retries exhausted)') })
  async execute(@Body() dto: ExecutionRequestDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    if ((dto.contract_name === undefined) === (dto.contract_spec === undefined)) {
      throw Problems.validation([{ field: 'contract_name', message: 'give exactly one of contract_name or contract_spec' }]);
    }
    const input = dto.context ? `${dto.task}\n\nCONTEXT:\n${JSON.stringify(dto.context, null, 2)}` : dto.task;
    const contract = { name: dto.contract_name, json: dto.contract_spec && JSON.stringify(dto.contract_spec), forceStrategy: dto.force_strategy };
    const order = { agentName: dto.agent_id, input, sessionId: dto.session_id, timeoutMs: dto.timeout_ms, config: runConfigOf(dto.config), contract };
    const launched = await this.launcher.launch(order, request, reply);
    if (!launched.outcome || launched.outcome.status === 'timeout') return accepted(reply, launched);
    const stopped = stoppedRunProblem(launched.outcome);
    if (stopped) throw stopped;
    const run = (await this.runs.find(launched.runId, correlationFor(request, { runId: launched.runId }))) ?? finishedRunMissing(launched.runId);
    if (run.status === 'failed') throw executionFailure(run);
    if (run.status === 'escalated') void reply.status(202).header('location', `/v7/operations/${run.runId}`);
    return executionResult(run);
  }
}
