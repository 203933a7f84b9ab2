import { create, fromBinary, toBinary, type DescMessage, type MessageInitShape, type MessageShape } from '@bufbuild/protobuf';
import type { NatsConnection } from '@nats-io/nats-core';
import type { QueryDefinition } from '../definitions/message-definitions';
import { createEnvelope, envelopeToHeaders, type Correlation } from '../envelope/envelope';
import { QueryErrorHeader, QueryFailedError } from '../transport/query-errors';
import { dataSchemaOf } from './event-publisher';

/** Asks a query of whichever replica of the answering service is free (request/reply, queue group). */
export class QueryClient {
  constructor(
    private readonly connection: NatsConnection,
    private readonly source: string,
    private readonly defaultTimeoutMs = 5_000,
  ) {}

  async request<Req extends DescMessage, Res extends DescMessage>(
    query: QueryDefinition<Req, Res>,
    payload: MessageInitShape<Req>,
    correlation: Correlation,
    timeoutMs = this.defaultTimeoutMs,
  ): Promise<MessageShape<Res>> {
    const envelope = createEnvelope({ ...correlation, type: query.subject, source: this.source, dataSchema: dataSchemaOf(query.request) });
    const reply = await this.connection.request(query.subject, toBinary(query.request, create(query.request, payload)), {
      timeout: timeoutMs,
      headers: envelopeToHeaders(envelope),
    });
    const code = reply.headers?.get(QueryErrorHeader.code);
    if (code) throw new QueryFailedError(query.subject, code, reply.headers?.get(QueryErrorHeader.message) ?? '');
    return fromBinary(query.response, reply.data);
  }
}
