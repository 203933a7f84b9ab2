import type { Envelope } from '@sigil/messaging';
import type { MsgHdrs } from '@nats-io/nats-core';
import type { DataSource } from 'typeorm';

export interface EventToAppend {
  envelope: Envelope;
  subject: string;
  stream: string;
  streamSequence: number;
  headers: MsgHdrs | undefined;
  payload: Uint8Array;
}

interface Waiting {
  event: EventToAppend;
  stored: () => void;
  failed: (error: unknown) => void;
}

const COLUMNS = ['tenant_id', 'event_id', 'causation_id', 'type', 'subject', 'source', 'time', 'session_id', 'run_id', 'stream', 'stream_sequence', 'headers', 'payload'];
/** Rows in one statement: 13 parameters each, far below PostgreSQL's 65,535. */
export const MAX_GROUP = 200;

function headersToJson(headers: MsgHdrs | undefined): Record<string, string[]> {
  return Object.fromEntries([...(headers ?? [])].map(([key, values]) => [key, values]));
}

const rowOf = ({ envelope, subject, stream, streamSequence, headers, payload }: EventToAppend): unknown[] => [
  envelope.tenantId,
  envelope.id,
  envelope.causationId ?? null,
  envelope.type,
  subject,
  envelope.source,
  envelope.time,
  envelope.sessionId ?? null,
  envelope.runId ?? null,
  stream,
  streamSequence,
  JSON.stringify(headersToJson(headers)),
  Buffer.from(payload),
];

/**
 * Appends stream messages to the event log, one row each, in groups (group commit): a message
 * that arrives while a group is being written waits for the next, and an idle store waits
 * `lingerMs` for the messages that follow the first, so a run's events are one statement. A
 * redelivery hits the unique (stream, sequence) and changes nothing. A group that fails is written
 * row by row, so only the row that cannot be stored fails (and is retried, then dead-lettered),
 * not the messages beside it.
 */
export class EventAppender {
  private readonly waiting: Waiting[] = [];
  private writing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly lingerMs = 0,
  ) {}

  /** Resolves once the event is stored (or was already): only then may its message be acknowledged. */
  append(event: EventToAppend): Promise<void> {
    return new Promise((stored, failed) => {
      this.waiting.push({ event, stored, failed });
      void this.writeWaiting();
    });
  }

  private async writeWaiting(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      if (this.lingerMs > 0) await new Promise((resolve) => setTimeout(resolve, this.lingerMs));
      while (this.waiting.length > 0) await this.writeGroup(this.waiting.splice(0, MAX_GROUP));
    } finally {
      this.writing = false;
    }
  }

  private async writeGroup(group: Waiting[]): Promise<void> {
    try {
      await this.insert(group.map((waiting) => waiting.event));
      for (const waiting of group) waiting.stored();
    } catch (error) {
      if (group.length === 1) return group[0].failed(error);
      for (const waiting of group) await this.writeGroup([waiting]);
    }
  }

  private async insert(events: EventToAppend[]): Promise<void> {
    const values = events.map((_, row) => `(${COLUMNS.map((__, column) => `$${row * COLUMNS.length + column + 1}`).join(', ')})`);
    await this.dataSource.query(
      `INSERT INTO event_store.events (${COLUMNS.join(', ')}) VALUES ${values.join(', ')} ON CONFLICT (stream, stream_sequence) DO NOTHING`,
      events.flatMap(rowOf),
    );
  }
}
