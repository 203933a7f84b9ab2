import type { DescMessage, MessageInitShape } from '@bufbuild/protobuf';
import { correlationOf, encodeEvent, type Envelope, type EventDefinition, type OutgoingEvent, type PublishOptions } from '@sigil/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import type { OutboxRelay } from './outbox-relay';

/** The delivery a unit of work handles: which consumer got which message. */
export interface Delivery {
  consumerName: string;
  envelope: Envelope;
}

/** The delivery of a JetStream handler's message (its context has both). */
export const deliveryOf = (context: Delivery): Delivery => ({ consumerName: context.consumerName, envelope: context.envelope });

/** A transaction scoped to the delivery's tenant, able to emit events through the outbox. */
export interface TenantTransaction {
  readonly tenantId: string;
  readonly manager: EntityManager;
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Queues an event to be published once (and only if) this transaction commits. */
  emit<S extends DescMessage>(event: EventDefinition<S>, payload: MessageInitShape<S>, options?: Partial<PublishOptions>): void;
}

export type UnitOfWorkResult<T> = { status: 'processed'; value: T } | { status: 'duplicate' };

/**
 * Exactly-once effect for a message handler: the inbox row, the state change and the outbox rows
 * commit together, so a redelivered or duplicated message changes nothing the second time.
 */
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly source: string,
    private readonly relay: OutboxRelay,
  ) {}

  async handle<T>(delivery: Delivery, work: (tx: TenantTransaction) => Promise<T>): Promise<UnitOfWorkResult<T>> {
    const { envelope } = delivery;
    const emitted: OutgoingEvent[] = [];
    const result = await this.dataSource.transaction(async (manager): Promise<UnitOfWorkResult<T>> => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO "${this.schema}".inbox (tenant_id, consumer, message_id) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING message_id`,
        [envelope.tenantId, delivery.consumerName, envelope.id],
      );
      if (inserted.length === 0) return { status: 'duplicate' };
      const tx: TenantTransaction = {
        tenantId: envelope.tenantId,
        manager,
        query: (sql, params) => manager.query(sql, params),
        emit: (event, payload, options) => {
          emitted.push(encodeEvent(this.source, event, payload, { ...correlationOf(envelope), causationId: envelope.id, ...options }));
        },
      };
      const value = await work(tx);
      // One statement for all of them: each round trip inside the transaction holds its locks longer.
      if (emitted.length > 0) {
        const rows = emitted.map((_, index) => `($${index * 5 + 1}, $${index * 5 + 2}, $${index * 5 + 3}, $${index * 5 + 4}, $${index * 5 + 5})`);
        await manager.query(
          `INSERT INTO "${this.schema}".outbox (id, tenant_id, subject, envelope, payload) VALUES ${rows.join(', ')}`,
          emitted.flatMap((outgoing) => [outgoing.envelope.id, outgoing.envelope.tenantId, outgoing.subject, outgoing.envelope, Buffer.from(outgoing.data)]),
        );
      }
      return { status: 'processed', value };
    });
    if (result.status === 'processed' && emitted.length > 0) void this.relay.publishCommitted(emitted);
    return result;
  }
}
