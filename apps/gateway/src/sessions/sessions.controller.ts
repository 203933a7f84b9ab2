import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { Queries } from '@sigil/catalog';
import { QueryClient } from '@sigil/messaging';
import type { FastifyRequest } from 'fastify';
import { RequireScopes } from '../auth/route-access';
import { orUnavailable } from '../common/or-unavailable';
import { pagination, PageQueryDto } from '../common/page-query.dto';
import { correlationFor } from '../common/request-correlation';
import { runResponse } from '../runs/run-response';
import { RunsClient } from '../runs/runs.client';

@Controller('v7/sessions')
export class SessionsController {
  constructor(
    private readonly queries: QueryClient,
    private readonly runs: RunsClient,
  ) {}

  /** Every stored event of a session, in order, with its decoded payload. */
  @Get(':id/events')
  @RequireScopes('agents:read')
  async events(@Param('id') sessionId: string, @Query() page: PageQueryDto, @Req() request: FastifyRequest) {
    const reply = await orUnavailable('event-store service', () =>
      this.queries.request(Queries.ListSessionEvents, { sessionId, page: page.page, perPage: page.per_page }, correlationFor(request, { sessionId })),
    );
    return {
      events: reply.events.map((event) => ({
        sequence: Number(event.sequence),
        id: event.id,
        type: event.type,
        subject: event.subject,
        time: event.time,
        source: event.source,
        run_id: event.runId || null,
        payload: JSON.parse(event.payloadJson) as unknown,
      })),
      pagination: pagination(page, Number(reply.total)),
    };
  }

  /** The session's runs, oldest first. */
  @Get(':id/runs')
  @RequireScopes('agents:read')
  async sessionRuns(@Param('id') sessionId: string, @Query() page: PageQueryDto, @Req() request: FastifyRequest) {
    const { runs, total } = await this.runs.listSession(sessionId, page, correlationFor(request, { sessionId }));
    return { runs: runs.map(runResponse), pagination: pagination(page, total) };
  }
}
