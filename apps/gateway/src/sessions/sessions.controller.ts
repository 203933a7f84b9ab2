import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import { Queries } from '@sigil/catalog';
import { QueryClient } from '@sigil/messaging';
import { SERVICE_SETTINGS, type ServiceSettings } from '@sigil/service-kit';
import type { FastifyRequest } from 'fastify';
import { orUnavailable } from '../common/or-unavailable';
import { correlationFor } from '../common/request-correlation';
import { PageQueryDto } from './page-query.dto';

@Controller('v7/sessions')
export class SessionsController {
  constructor(
    private readonly queries: QueryClient,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
  ) {}

  /** Every stored event of a session, in order, with its decoded payload. */
  @Get(':id/events')
  async events(@Param('id') sessionId: string, @Query() page: PageQueryDto, @Req() request: FastifyRequest) {
    const reply = await orUnavailable('event-store service', () =>
      this.queries.request(
        Queries.ListSessionEvents,
        { sessionId, page: page.page, perPage: page.per_page },
        correlationFor(request, this.settings.defaultTenantId, { sessionId }),
      ),
    );
    const total = Number(reply.total);
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
      pagination: { page: page.page, per_page: page.per_page, total, total_pages: Math.ceil(total / page.per_page) },
    };
  }
}
