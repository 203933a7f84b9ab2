import type { DescMessage, MessageInitShape } from '@bufbuild/protobuf';
import { correlationOf, encodeEvent, type Envelope, type EventDefinition, type OutgoingEvent, type PublishOptions } from '@sigil/messaging';
import type { PoolClient, QueryResult } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { OutboxRelay } from './outbox-relay';
import { sqlValuesInsert } from './sql-values-insert';

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
 * Opening the transaction and claiming the message is one round trip, and so is writing the outbox
 * and committing: a handler's one or two statements of its own cost two more, not four (ADR 0012).
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
    const runner = this.dataSource.createQueryRunner();
    let connection: PoolClient | undefined;
    try {
      connection = (await runner.connect()) as PoolClient;
      const [, claim] = (await connection.query(
        `START TRANSACTION; ${sqlValuesInsert(`"${this.schema}".inbox (tenant_id, consumer, message_id)`, [[envelope.tenantId, delivery.consumerName, envelope.id]])} ON CONFLICT DO NOTHING RETURNING message_id`,
      )) as unknown as QueryResult[];
      if (claim.rowCount === 0) {
        await connection.query('ROLLBACK');
        return { status: 'duplicate' };
      }
      const tx: TenantTransaction = {
        tenantId: envelope.tenantId,
        manager: runner.manager,
        query: (sql, params) => runner.query(sql, params),
        emit: (event, payload, options) => {
          emitted.push(encodeEvent(this.source, event, payload, { ...correlationOf(envelope), causationId: envelope.id, ...options }));
        },
      };
      const value = await work(tx);
      await connection.query(emitted.length > 0 ? `${outboxInsert(this.schema, emitted)}; COMMIT` : 'COMMIT');
      if (emitted.length > 0) void this.relay.publishCommitted(emitted);
      return { status: 'processed', value };
    } catch (error) {
      // Whichever statement failed, the transaction is rolled back (a lost connection is discarded by the pool on its error).
      await connection?.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}

/** The transaction's events, one statement for all of them (each statement inside the transaction holds its locks longer). */
const outboxInsert = (schema: string, emitted: OutgoingEvent[]): string =>
  sqlValuesInsert(
    `"${schema}".outbox (id, tenant_id, subject, envelope, payload)`,
    emitted.map((outgoing) => [outgoing.envelope.id, outgoing.envelope.tenantId, outgoing.subject, JSON.stringify(outgoing.envelope), outgoing.data]),
  );
