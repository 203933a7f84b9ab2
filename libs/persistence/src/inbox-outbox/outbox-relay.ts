import type { Envelope, EventPublisher, OutgoingEvent } from '@sigil/messaging';
import type { DataSource } from 'typeorm';

interface OutboxRow {
  id: string;
  subject: string;
  envelope: Envelope;
  payload: Buffer;
}

export interface OutboxRelayLogger {
  warn(message: string): void;
}

export interface OutboxRelayTiming {
  /** Rows one sweep statement takes. */
  batchSize?: number;
  /** Rows younger than this are still being published by the transaction that wrote them. */
  graceMs?: number;
  /** How long published rows wait to be marked together; well within graceMs, so the sweep leaves them alone. */
  markDelayMs?: number;
}

/**
 * Publishes committed outbox rows to JetStream, oldest first. Rows are locked while published, so
 * replicas share the work; a row whose publish fails stays for the next sweep, and a row published
 * twice (crash before marking) carries the same Nats-Msg-Id, so JetStream keeps one.
 * The relay works for every tenant at once: each row carries its own tenant in its envelope.
 */
export class OutboxRelay {
  private sweeping?: Promise<number>;
  private again = false;
  private timer?: NodeJS.Timeout;
  private readonly published: string[] = [];
  private readonly publishing = new Set<Promise<void>>();
  private markTimer?: NodeJS.Timeout;
  private readonly timing: Required<OutboxRelayTiming>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly publisher: EventPublisher,
    private readonly logger: OutboxRelayLogger,
    timing: OutboxRelayTiming = {},
  ) {
    this.timing = { batchSize: 100, graceMs: 2_000, markDelayMs: 50, ...timing };
  }

  /** Sweeps periodically to catch rows left by a crash or a failed publish; starting twice keeps one timer. */
  start(intervalMs = 1_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
    void this.flush();
  }

  /** Stops sweeping and marks what was published, including publishes still in flight, so no mark is left to a timer. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.sweeping;
    await Promise.all(this.publishing);
    await this.markPublished();
  }

  /**
   * Publishes a committed transaction's events straight away, without reading them back (a hop of
   * a run costs one transaction less). They are marked a moment later, together with what other
   * transactions published meanwhile: one statement instead of one per transaction. A failure
   * leaves the rows to the sweep; a row the sweep publishes too carries the same Nats-Msg-Id, so
   * JetStream keeps one.
   */
  publishCommitted(events: OutgoingEvent[]): Promise<void> {
    const publishing = this.publishAndMarkLater(events).finally(() => this.publishing.delete(publishing));
    this.publishing.add(publishing);
    return publishing;
  }

  private async publishAndMarkLater(events: OutgoingEvent[]): Promise<void> {
    let sent = 0;
    try {
      for (const event of events) {
        await this.publisher.publishEncoded(event);
        this.published.push(event.envelope.id);
        sent++;
      }
    } catch (error) {
      this.logger.warn(`outbox relay (${this.schema}) leaves ${events.length - sent} event(s) to its sweep: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.markTimer ??= setTimeout(() => void this.markPublished(), this.timing.markDelayMs);
  }

  private async markPublished(): Promise<void> {
    clearTimeout(this.markTimer);
    this.markTimer = undefined;
    const ids = this.published.splice(0);
    if (ids.length === 0) return;
    try {
      await this.dataSource.query(`UPDATE "${this.schema}".outbox SET published_at = now() WHERE id = ANY($1) AND published_at IS NULL`, [ids]);
    } catch (error) {
      this.logger.warn(`outbox relay (${this.schema}) could not mark ${ids.length} published event(s), its sweep publishes them again: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Publishes what is pending now; concurrent calls coalesce into one more sweep. */
  flush(): Promise<number> {
    if (this.sweeping) {
      this.again = true;
      return this.sweeping;
    }
    this.sweeping = this.sweepUntilEmpty().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepUntilEmpty(): Promise<number> {
    let total = 0;
    do {
      this.again = false;
      try {
        let published: number;
        do {
          published = await this.publishBatch();
          total += published;
        } while (published === this.timing.batchSize);
      } catch (error) {
        this.logger.warn(`outbox relay (${this.schema}) will retry: ${error instanceof Error ? error.message : String(error)}`);
        return total;
      }
    } while (this.again);
    return total;
  }

  private publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, subject, envelope, payload FROM "${this.schema}".outbox
         WHERE published_at IS NULL AND created_at < now() - make_interval(secs => $2)
         ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.timing.batchSize, this.timing.graceMs / 1000],
      );
      for (const row of rows) {
        await this.publisher.publishEncoded({ subject: row.subject, envelope: row.envelope, data: new Uint8Array(row.payload) });
      }
      if (rows.length > 0) {
        await manager.query(`UPDATE "${this.schema}".outbox SET published_at = now() WHERE id = ANY($1)`, [rows.map((row) => row.id)]);
      }
      return rows.length;
    });
  }
}
