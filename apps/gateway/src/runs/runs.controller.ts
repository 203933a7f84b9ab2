import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { Events, Queries } from '@sigil/catalog';
import { EventPublisher, QueryClient } from '@sigil/messaging';
import type { RunView } from '@sigil/schemas';
import { SERVICE_SETTINGS, type ServiceSettings } from '@sigil/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { AgentsClient } from '../agents/agents.client';
import { orUnavailable } from '../common/or-unavailable';
import { Problems } from '../common/problem';
import { correlationFor } from '../common/request-correlation';
import { RunAgentDto } from './run-agent.dto';
import { runResponse } from './run-response';
import { RunOutcomes } from './run-outcomes';

const RUN_WAIT_MS = Number(process.env.SIGIL_RUN_WAIT_MS ?? 30_000);

@Controller('v7')
export class RunsController {
  constructor(
    private readonly agents: AgentsClient,
    private readonly publisher: EventPublisher,
    private readonly queries: QueryClient,
    private readonly outcomes: RunOutcomes,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
  ) {}

  /** Starts a run; waits for it (up to SIGIL_RUN_WAIT_MS) unless `async`, else answers 202. */
  @Post('agents/:name/run')
  @HttpCode(200)
  async run(@Param('name') name: string, @Body() dto: RunAgentDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const tenantId = this.settings.defaultTenantId;
    const agent = await this.agents.get(name, correlationFor(request, tenantId));
    const runId = randomUUID();
    const sessionId = dto.session_id ?? randomUUID();
    const outcome = dto.async ? undefined : this.outcomes.waitFor(runId, tenantId, RUN_WAIT_MS);
    await orUnavailable('message bus', () =>
      this.publisher.publish(
      Events.RunRequested,
      {
        runId,
        sessionId,
        agent: { name: agent.name, version: agent.version, stratum: agent.stratum, systemPrompt: agent.systemPrompt },
        input: dto.input,
        requestId: String(request.id),
        requestedAtMs: BigInt(Date.now()),
      },
      { ...correlationFor(request, tenantId, { sessionId, runId }), id: runId },
      ),
    );
    if (!outcome || (await outcome).status === 'timeout') {
      reply.status(202).header('location', `/v7/runs/${runId}`);
      return { run_id: runId, session_id: sessionId, status: 'accepted', links: { run: `/v7/runs/${runId}` } };
    }
    return runResponse(await this.findRun(runId, tenantId, request));
  }

  @Get('runs/:id')
  async get(@Param('id') runId: string, @Req() request: FastifyRequest) {
    return runResponse(await this.findRun(runId, this.settings.defaultTenantId, request));
  }

  private async findRun(runId: string, tenantId: string, request: FastifyRequest): Promise<RunView> {
    const reply = await orUnavailable('planner service', () => this.queries.request(Queries.GetRun, { runId }, correlationFor(request, tenantId, { runId })));
    if (!reply.run) throw Problems.runNotFound(runId);
    return reply.run;
  }
}
