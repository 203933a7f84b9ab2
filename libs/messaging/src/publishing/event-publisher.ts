import { create, toBinary, type DescMessage, type MessageInitShape } from '@bufbuild/protobuf';
import { jetstream, type JetStreamClient, type PubAck } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { EventDefinition } from '../definitions/message-definitions';
import { correlationOf, createEnvelope, envelopeToHeaders, type Correlation, type Envelope } from '../envelope/envelope';

export interface PublishOptions extends Correlation {
  /** The message id (= ce-id = Nats-Msg-Id). Derive it from the cause so a retry is a duplicate. */
  id?: string;
  causationId?: string;
}

/**
 * The options of the event a message causes, published straight away rather than through an outbox:
 * its id derives from the cause's (`<cause id>:<what>`), so the event of a redelivered cause is a
 * duplicate that JetStream drops (and consumers' inboxes after the stream's window).
 */
export const causedBy = (cause: Envelope, what: string): PublishOptions => ({ ...correlationOf(cause), id: `${cause.id}:${what}`, causationId: cause.id });

/** An event ready to go on the bus: the encoded payload and its envelope. */
export interface OutgoingEvent {
  subject: string;
  envelope: Envelope;
  data: Uint8Array;
}

export function dataSchemaOf(schema: DescMessage): string {
  return `proto:${schema.typeName}`;
}

export function encodeEvent<S extends DescMessage>(
  source: string,
  event: EventDefinition<S>,
  payload: MessageInitShape<S>,
  options: PublishOptions,
): OutgoingEvent {
  const message = create(event.schema, payload);
  const problems = event.validate(message);
  if (problems.length > 0) throw new Error(`refusing to publish an invalid ${event.type}: ${problems.join('; ')}`);
  const envelope = createEnvelope({ ...options, type: event.type, source, dataSchema: dataSchemaOf(event.schema) });
  return { subject: event.subject, envelope, data: toBinary(event.schema, message) };
}

/** Publishes catalogued events to JetStream and waits for the stream's acknowledgement. */
export class EventPublisher {
  private readonly js: JetStreamClient;

  constructor(
    connection: NatsConnection,
    private readonly source: string,
  ) {
    this.js = jetstream(connection);
  }

  publish<S extends DescMessage>(event: EventDefinition<S>, payload: MessageInitShape<S>, options: PublishOptions): Promise<PubAck> {
    return this.publishEncoded(encodeEvent(this.source, event, payload, options));
  }

  publishEncoded(outgoing: OutgoingEvent): Promise<PubAck> {
    return this.js.publish(outgoing.subject, outgoing.data, {
      headers: envelopeToHeaders(outgoing.envelope),
      msgID: outgoing.envelope.id,
    });
  }
}
