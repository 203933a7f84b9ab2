import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequireScopes } from '../auth/route-access';
import { Problems } from '../common/problem';
import { correlationFor } from '../common/request-correlation';
import { ExecutionRequestDto } from './execution-request.dto';
import { executionFailure, executionResult } from './execution-result';
import { RunLauncher } from './run-launcher';
import { accepted, finishedRunMissing } from './run-replies';
import { RunsClient } from './runs.client';
import { IdempotentPosts } from '../idempotency/idempotent-posts';

@IdempotentPosts()
@Controller('v7/contracts')
export class ContractExecutionController {
  constructor(
    private readonly launcher: RunLauncher,
    private readonly runs: RunsClient,
  ) {}

  /**
   * Runs an agent on a task held to a given contract (a tenant's, a template or inline), optionally with
   * another failure strategy, and answers the spec's ExecutionResult; a run escalated for review answers 202.
   */
  @Post('execute')
  @HttpCode(200)
  @RequireScopes('agents:execute')
  async execute(@Body() dto: ExecutionRequestDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    if ((dto.contract_name === undefined) === (dto.contract_spec === undefined)) {
      throw Problems.validation([{ field: 'contract_name', message: 'give exactly one of contract_name or contract_spec' }]);
    }
    const input = dto.context ? `${dto.task}\n\nCONTEXT:\n${JSON.stringify(dto.context, null, 2)}` : dto.task;
    const contract = { name: dto.contract_name, json: dto.contract_spec && JSON.stringify(dto.contract_spec), forceStrategy: dto.force_strategy };
    const launched = await this.launcher.launch({ agentName: dto.agent_id, input, sessionId: dto.session_id, timeoutMs: dto.timeout_ms, contract }, request, reply);
    if (!launched.outcome || launched.outcome.status === 'timeout') return accepted(reply, launched);
    const run = (await this.runs.find(launched.runId, correlationFor(request, { runId: launched.runId }))) ?? finishedRunMissing(launched.runId);
    if (run.status === 'failed') throw executionFailure(run);
    if (run.status === 'escalated') void reply.status(202).header('location', `/v7/operations/${run.runId}`);
    return executionResult(run);
  }
}
