import { Logger } from '@nestjs/common';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { publishDeadLetter } from '../dead-letter/dead-letter';
import type { ConsumerBinding } from './consumer-binding';

interface MaxDeliveriesAdvisory {
  stream: string;
  consumer: string;
  stream_seq: number;
  deliveries: number;
}

/**
 * The safety net behind the client-side dead-lettering: when a replica dies during the last
 * allowed delivery, no client sees the failure, but the server announces that the message ran
 * out of deliveries. This watcher fetches it from the stream and dead-letters it, so nothing is
 * dropped. The dead-letter id is the same on both paths, so a double report stores one letter.
 */
export class MaxDeliveriesWatcher {
  private readonly logger = new Logger(MaxDeliveriesWatcher.name);
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly queueGroup: string,
  ) {}

  watch(binding: ConsumerBinding): void {
    const subject = `$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${binding.stream}.${binding.durableName}`;
    this.subscriptions.push(
      this.nc.subscribe(subject, {
        queue: this.queueGroup,
        callback: (error, msg) => {
          if (error) return;
          const advisory = msg.json<MaxDeliveriesAdvisory>();
          void this.deadLetter(advisory).catch((cause) =>
            this.logger.error(`could not dead-letter ${advisory.stream}#${advisory.stream_seq} after max deliveries: ${String(cause)}`),
          );
        },
      }),
    );
  }

  private async deadLetter(advisory: MaxDeliveriesAdvisory): Promise<void> {
    const stored = await this.jsm.streams.getMessage(advisory.stream, { seq: advisory.stream_seq });
    if (!stored) {
      this.logger.error(`message ${advisory.stream}#${advisory.stream_seq} ran out of deliveries but is gone from the stream`);
      return;
    }
    await publishDeadLetter(
      this.js,
      { subject: stored.subject, data: stored.data, headers: stored.header, stream: advisory.stream, streamSequence: advisory.stream_seq },
      { reason: 'max_deliver_exhausted', error: 'no acknowledgement within max_deliver deliveries', consumer: advisory.consumer, deliveryCount: advisory.deliveries },
    );
    this.logger.warn(`dead-lettered ${advisory.stream}#${advisory.stream_seq} after ${advisory.deliveries} deliveries to ${advisory.consumer}`);
  }

  stop(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }
}
