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

export function consumerConfig(binding: ConsumerBinding): Partial<ConsumerConfig> {
  return {
    durable_name: binding.durableName,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: msToNanos(binding.options.ackWaitMs),
    max_deliver: binding.options.maxDeliver,
    ...(binding.event ? { filter_subject: binding.event.subject } : {}),
  };
}
