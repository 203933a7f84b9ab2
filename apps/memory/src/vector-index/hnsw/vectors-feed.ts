import { fromBinary } from '@bufbuild/protobuf';
import { DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages, type JsMsg, type OrderedConsumerOptions } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { LoggerService } from '@nestjs/common';
import { allEvents, Events } from '@sigil/catalog';
import { envelopeFromHeaders, ensureStreams, streamConfigs } from '@sigil/messaging';
import { itemOfEvent, labelOf, type IndexedItem } from './indexed-item';

/** One `VectorsChanged` of one tenant (the tenant is the envelope's), as the index applies it. */
export interface VectorsChange {
  tenantId: string;
  upserted: IndexedItem[];
  removedLabels: number[];
  /** When JetStream stored the event. */
  storedAtMs: number;
  /** Events after this one in the stream, not delivered yet. */
  pending: number;
}

const RESTART_DELAY_MS = 1_000;
const EVENT = Events.VectorsChanged;

/**
 * The replica's own view of `VectorsChanged`: an ordered, ephemeral JetStream consumer (in memory,
 * no acks, deleted by the server when the replica is gone) delivering every event from a start time
 * on, in stream order. The consumer is created at `start`, before the caller reads its snapshot, so
 * no change committed during the snapshot is missed; the caller's `apply` gates delivery until it is
 * ready. A lost consumer (NATS restarted) is re-created from the next stream sequence.
 */
export class VectorsFeed {
  private messages?: ConsumerMessages;
  private following?: Promise<void>;
  private stopped = false;
  private lastSequence = 0;

  constructor(
    private readonly nc: NatsConnection,
    private readonly logger: LoggerService,
  ) {}

  /** Creates the consumer (delivering from `since`) and hands each change to `apply`, one at a time. */
  async start(since: Date, apply: (change: VectorsChange) => Promise<void>): Promise<void> {
    await ensureStreams(await jetstreamManager(this.nc), streamConfigs(allEvents.filter((event) => event.stream === EVENT.stream)));
    const first = await this.consume({ deliver_policy: DeliverPolicy.StartTime, opt_start_time: since.toISOString() });
    this.following = this.follow(first, apply);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.messages?.stop();
    await this.following;
  }

  private async consume(from: Partial<OrderedConsumerOptions>): Promise<ConsumerMessages> {
    const consumer = await jetstream(this.nc).consumers.get(EVENT.stream, { filter_subjects: EVENT.subject, ...from });
    this.messages = await consumer.consume();
    return this.messages;
  }

  private async follow(first: ConsumerMessages, apply: (change: VectorsChange) => Promise<void>): Promise<void> {
    let messages: ConsumerMessages | undefined = first;
    while (!this.stopped) {
      try {
        messages ??= await this.consume({ deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: this.lastSequence + 1 });
        for await (const message of messages) {
          this.lastSequence = message.seq;
          const change = this.changeOf(message);
          if (change) await apply(change);
        }
      } catch (error) {
        this.logger.warn(`the vector index's feed stopped, resuming after #${this.lastSequence}: ${error instanceof Error ? error.message : String(error)}`);
      }
      messages = undefined;
      if (!this.stopped) await new Promise((resolve) => setTimeout(resolve, RESTART_DELAY_MS));
    }
  }

  /** The change a message carries; an unreadable one is logged and skipped (no replica could apply it). */
  private changeOf(message: JsMsg): VectorsChange | undefined {
    try {
      const envelope = envelopeFromHeaders(message.headers);
      if (envelope.type !== EVENT.type) throw new Error(`ce-type ${envelope.type} is not ${EVENT.type}`);
      const event = fromBinary(EVENT.schema, message.data);
      return {
        tenantId: envelope.tenantId,
        upserted: event.upserted.map(itemOfEvent),
        removedLabels: event.removedLabels.map(labelOf),
        storedAtMs: message.info.timestampNanos / 1e6,
        pending: message.info.pending,
      };
    } catch (error) {
      this.logger.error(`skipped ${EVENT.stream}#${message.seq}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
