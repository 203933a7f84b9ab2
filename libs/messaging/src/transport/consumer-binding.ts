import { AckPolicy, DeliverPolicy, type ConsumerConfig } from '@nats-io/jetstream';
import type { EventDefinition } from '../definitions/message-definitions';
import type { MessageHandler } from '@nestjs/microservices';
import type { ConsumerOptions } from './consumer-options';

/** One durable pull consumer and the handler pattern it feeds. */
export interface ConsumerBinding {
  pattern: string;
  handler: MessageHandler;
  stream: string;
  durableName: string;
  /** The event whose schema decodes the payload; absent for whole-stream consumers (raw bytes). */
  event?: EventDefinition;
  options: ConsumerOptions;
}

const msToNanos = (ms: number) => ms * 1_000_000;

/** A durable consumer as every handler's is declared: explicit acks from the stream's start, one subject or the whole stream. */
export function consumerConfig({ durableName, options, filterSubject }: { durableName: string; options: ConsumerOptions; filterSubject?: string }): Partial<ConsumerConfig> {
  return {
    durable_name: durableName,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: msToNanos(options.ackWaitMs),
    max_deliver: options.maxDeliver,
    ...(filterSubject ? { filter_subject: filterSubject } : {}),
  };
}
