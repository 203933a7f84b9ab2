import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Queries } from '@sigil/catalog';
import { JetStreamContext, OnAllStreams, OnQuery, QueryContext } from '@sigil/messaging';
import type { ListSessionEventsRequest } from '@sigil/schemas';
import { DataSource } from 'typeorm';
import { EventAppender } from './event-appender';
import { listSessionEvents } from './event-log';

const MAX_PER_PAGE = 100;

@Controller()
export class EventsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly appender: EventAppender,
  ) {}

  /** Every domain stream, whole: the event-store keeps every event that crosses the bus. */
  @OnAllStreams({ maxInFlight: 32 })
  async onEvent(@Payload() payload: Uint8Array, @Ctx() context: JetStreamContext): Promise<void> {
    const { message } = context;
    await this.appender.append({
      envelope: context.envelope,
      subject: message.subject,
      stream: message.info.stream,
      streamSequence: message.seq,
      headers: message.headers,
      payload,
    });
  }

  @OnQuery(Queries.ListSessionEvents)
  async listSession(@Payload() request: ListSessionEventsRequest, @Ctx() context: QueryContext) {
    const page = Math.max(request.page || 1, 1);
    const perPage = Math.min(Math.max(request.perPage || 50, 1), MAX_PER_PAGE);
    const { events, total } = await listSessionEvents(this.dataSource, context.envelope.tenantId, request.sessionId, page, perPage);
    return { events, total: BigInt(total) };
  }
}
