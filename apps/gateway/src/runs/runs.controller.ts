import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { Events } from '@sigil/catalog';
import { EventPublisher } from '@sigil/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { AgentsClient } from '../agents/agents.client';
import { principalOf } from '../auth/principal';
import { RequireScopes } from '../auth/route-access';
import { TokenBudget } from '../budget/token-budget';
import { orUnavailable } from '../common/or-unavailable';
import { Problems } from '../common/problem';
import { correlationFor } from '../common/request-correlation';
import { RunAgentDto } from './run-agent.dto';
import { RunOutcomes } from './run-outcomes';
import { completedRunFacts, runResponse } from './run-response';
import { RunsClient } from './runs.client';

const RUN_WAIT_MS = Number(process.env.SIGIL_RUN_WAIT_MS ?? 30_000);

@Controller('v7')
export class RunsController {
  constructor(
    private readonly agents: AgentsClient,
    private readonly runs: RunsClient,
    private readonly budget: TokenBudget,
    private readonly publisher: EventPublisher,
    private readonly outcomes: RunOutcomes,
  ) {}

  /** Starts a run and waits for it (timeout_ms, else SIGIL_RUN_WAIT_MS); `async` or a longer run answers 202 with an operation. */
  @Post('agents/:name/run')
  @HttpCode(200)
  @RequireScopes('agents:execute')
  async run(@Param('name') name: string, @Body() dto: RunAgentDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const principal = principalOf(request);
    const correlation = correlationFor(request);
    const [agent, allowance] = await Promise.all([this.agents.get(name, correlation), this.budget.ensureCanRun(principal, correlation)]);
    if (agent.status !== 'active') throw Problems.agentInactive(name);
    const runId = randomUUID();
    const sessionId = dto.session_id ?? randomUUID();
    const requestId = String(request.id);
    const outcome = dto.async ? undefined : this.outcomes.waitFor(runId, principal.tenantId, dto.timeout_ms ?? RUN_WAIT_MS);
    const run = {
      runId,
      sessionId,
      agent: { name: agent.name, version: agent.version, stratum: agent.stratum, systemPrompt: agent.systemPrompt },
      input: dto.input,
      requestId,
      requestedAtMs: BigInt(Date.now()),
    };
    const publishing = orUnavailable('message bus', () => this.publisher.publish(Events.RunRequested, run, { ...correlationFor(request, { sessionId, runId }), id: runId })).catch(
      (error: unknown) => {
        this.outcomes.forget(runId);
        throw error;
      },
    );
    const handedOverAt = reply.elapsedTime;
    // The stream's acknowledgement overlaps the wait: the platform works on the run as soon as the stream has it.
    // Nothing is answered before the acknowledgement, so an accepted run is always a stored one.
    const [, settled] = await Promise.all([publishing, outcome]);
    const settledAt = reply.elapsedTime;
    if (!settled || settled.status === 'timeout') {
      void reply.status(202).header('location', `/v7/operations/${runId}`);
      return { operation_id: runId, run_id: runId, session_id: sessionId, status: 'accepted', links: { operation: `/v7/operations/${runId}`, run: `/v7/runs/${runId}` } };
    }
    const body =
      settled.status === 'completed'
        ? runResponse(completedRunFacts(settled.event, agent.name, requestId))
        : runResponse((await this.runs.find(runId, correlation)) ?? completedOrFailedMissing(runId));
    const used = body.metadata.tokens_used.total_tokens;
    void reply.headers({
      'x-tokens-used': String(used),
      'x-tokens-remaining': String(Math.max(allowance.remainingTokens - used, 0)),
      // The gateway's own time (checks and hand-over to the bus, then the response) apart from the wait for the platform.
      'server-timing': `gateway;dur=${(handedOverAt + reply.elapsedTime - settledAt).toFixed(2)}, run;dur=${(settledAt - handedOverAt).toFixed(2)}`,
    });
    return body;
  }

  @Get('runs/:id')
  @RequireScopes('agents:read')
  async get(@Param('id') runId: string, @Req() request: FastifyRequest) {
    const run = await this.runs.find(runId, correlationFor(request, { runId }));
    if (!run) throw Problems.runNotFound(runId);
    return runResponse(run);
  }
}

/** The planner announced the run's end, so not finding it is the planner's fault. */
function completedOrFailedMissing(runId: string): never {
  throw new Error(`planner announced run ${runId} finished but does not know it`);
}
