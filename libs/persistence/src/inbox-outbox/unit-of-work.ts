import type { DescMessage, MessageInitShape } from '@bufbuild/protobuf';
import { correlationOf, encodeEvent, type Envelope, type EventDefinition, type OutgoingEvent, type PublishOptions } from '@sigil/messaging';
import type { Pool, QueryResult, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import type { OutboxRelay } from './outbox-relay';
import { sqlValuesInsert, type InlineSql } from './inline-sql';

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
  /** A statement's rows (none for a write without RETURNING). */
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Queues an event to be published once (and only if) this transaction commits. */
  emit<S extends DescMessage>(event: EventDefinition<S>, payload: MessageInitShape<S>, options?: Partial<PublishOptions>): void;
  /**
   * Queues a write whose result nothing reads to go with the commit, in its round trip; it runs
   * after every statement of the work, and if it fails nothing commits.
   */
  atCommit(statement: InlineSql): void;
}

export type UnitOfWorkResult<T> = { status: 'processed'; value: T } | { status: 'duplicate' };

/** An item of a unit of several, claimed: with its own view of the transaction, whose events its message causes. */
export type Claimed<Item> = Item & { tx: TenantTransaction };

/**
 * Exactly-once effect for a message handler: the inbox row, the state change and the outbox rows
 * commit together, so a redelivered or duplicated message changes nothing the second time.
 * Opening the transaction and claiming the message is one round trip, and so is writing the outbox
 * and committing (ADR 0012). A handler's first statement can ride with the opening (`opening`, its
 * rows handed to the work) and its unread writes with the commit (`atCommit`): a handler that
 * locks, reads nothing else and writes is two round trips in all. It takes its connection straight
 * from the DataSource's pg pool: a TypeORM query runner and entity manager per message cost CPU and
 * gave the handlers nothing they used.
 */
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly source: string,
    private readonly relay: OutboxRelay,
  ) {}

  handle<T>(delivery: Delivery, work: (tx: TenantTransaction, opened: QueryResultRow[]) => Promise<T>, opening?: InlineSql): Promise<UnitOfWorkResult<T>> {
    return this.handleAll([{ delivery }], ([claimed], opened) => work(claimed.tx, opened), opening);
  }

  /**
   * Several deliveries of one tenant in one transaction (the planner's facts about one run that
   * arrived together, each item carrying its delivery): one inbox insert claims them all, and the
   * work gets the items not handled before, in order, each with a transaction view whose events its
   * message causes. Duplicate when none is new.
   */
  async handleAll<Item extends { delivery: Delivery }, T>(
    items: Item[],
    work: (claimed: Claimed<Item>[], opened: QueryResultRow[]) => Promise<T>,
    opening?: InlineSql,
  ): Promise<UnitOfWorkResult<T>> {
    const tenantId = items[0].delivery.envelope.tenantId;
    if (items.some(({ delivery }) => delivery.envelope.tenantId !== tenantId)) throw new Error('a unit of work handles the deliveries of one tenant');
    const emitted: OutgoingEvent[] = [];
    const writesAtCommit: InlineSql[] = [];
    const connection = await this.pool().connect();
    let broken: Error | undefined;
    // A checked-out pg client has no listener for a dying connection's 'error' event, which would otherwise end the process.
    const noteBroken = (error: Error) => (broken = error);
    connection.on('error', noteBroken);
    try {
      const inboxRows = items.map(({ delivery }) => [tenantId, delivery.consumerName, delivery.envelope.id]);
      const [, claim, opened] = (await connection.query(
        `START TRANSACTION; ${sqlValuesInsert(`"${this.schema}".inbox (tenant_id, consumer, message_id)`, inboxRows)} ON CONFLICT DO NOTHING RETURNING consumer, message_id${opening ? `; ${opening}` : ''}`,
      )) as unknown as QueryResult<{ consumer: string; message_id: string }>[];
      const claimedKeys = new Set(claim.rows.map((row) => inboxKey(row.consumer, row.message_id)));
      // A message delivered twice into the same unit is claimed by its first delivery only.
      const claimedItems = items.filter(({ delivery }) => claimedKeys.delete(inboxKey(delivery.consumerName, delivery.envelope.id)));
      if (claimedItems.length === 0) {
        await connection.query('ROLLBACK');
        return { status: 'duplicate' };
      }
      const viewOf = (delivery: Delivery): TenantTransaction => ({
        tenantId,
        query: async (sql, params) => (await connection.query(sql, params)).rows,
        emit: (event, payload, options) => {
          emitted.push(encodeEvent(this.source, event, payload, { ...correlationOf(delivery.envelope), causationId: delivery.envelope.id, ...options }));
        },
        atCommit: (statement) => {
          writesAtCommit.push(statement);
        },
      });
      const value = await work(
        claimedItems.map((item) => ({ ...item, tx: viewOf(item.delivery) })),
        opened?.rows ?? [],
      );
      if (emitted.length > 0) writesAtCommit.push(outboxInsert(this.schema, emitted));
      await connection.query([...writesAtCommit, 'COMMIT'].join('; '));
      if (emitted.length > 0) void this.relay.publishCommitted(emitted);
      return { status: 'processed', value };
    } catch (error) {
      // Whichever statement failed, the transaction is rolled back; a connection that cannot even do that leaves the pool.
      await connection.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      connection.removeListener('error', noteBroken);
      connection.release(broken);
    }
  }

  /** TypeORM's Postgres driver keeps its pg pool as `master`. */
  private pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }
}

const inboxKey = (consumer: string, messageId: string) => `${consumer}\n${messageId}`;

/** The transaction's events, one statement for all of them (each statement inside the transaction holds its locks longer). */
const outboxInsert = (schema: string, emitted: OutgoingEvent[]): InlineSql =>
  sqlValuesInsert(
    `"${schema}".outbox (id, tenant_id, subject, envelope, payload)`,
    emitted.map((outgoing) => [outgoing.envelope.id, outgoing.envelope.tenantId, outgoing.subject, JSON.stringify(outgoing.envelope), outgoing.data]),
  );
