import { decodeEventPayload } from '@sigil/catalog';
import type { Envelope } from '@sigil/messaging';
import type { MsgHdrs } from '@nats-io/nats-core';
import type { DataSource } from 'typeorm';
import { orderCausally } from './causal-order';

export interface StoredEventRow {
  event_id: string;
  causation_id: string | null;
  type: string;
  subject: string;
  source: string;
  time: Date;
  run_id: string | null;
  stream: string;
  stream_sequence: string;
  payload: Buffer;
}

export function headersToJson(headers: MsgHdrs | undefined): Record<string, string[]> {
  return Object.fromEntries([...(headers ?? [])].map(([key, values]) => [key, values]));
}

/** Append-only: one row per stream message; a redelivery hits the unique (stream, sequence) and changes nothing. */
export async function appendEvent(
  dataSource: DataSource,
  event: { envelope: Envelope; subject: string; stream: string; streamSequence: number; headers: MsgHdrs | undefined; payload: Uint8Array },
): Promise<boolean> {
  const { envelope } = event;
  const inserted: unknown[] = await dataSource.query(
    `INSERT INTO event_store.events
       (tenant_id, event_id, causation_id, type, subject, source, time, session_id, run_id, stream, stream_sequence, headers, payload)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (stream, stream_sequence) DO NOTHING RETURNING position`,
    [
      envelope.tenantId,
      envelope.id,
      envelope.causationId ?? null,
      envelope.type,
      event.subject,
      envelope.source,
      envelope.time,
      envelope.sessionId ?? null,
      envelope.runId ?? null,
      event.stream,
      event.streamSequence,
      JSON.stringify(headersToJson(event.headers)),
      Buffer.from(event.payload),
    ],
  );
  return inserted.length > 0;
}

/**
 * A session's events in the order they happened, numbered from 1: event time, then arrival, then
 * causation (an effect never precedes its cause). A session is one conversation, small enough to
 * order whole; the page is cut from the ordered list.
 */
export async function listSessionEvents(dataSource: DataSource, tenantId: string, sessionId: string, page: number, perPage: number) {
  const rows: StoredEventRow[] = await dataSource.query(
    `SELECT event_id, causation_id, type, subject, source, time, run_id, stream, stream_sequence, payload
     FROM event_store.events WHERE tenant_id = $1 AND session_id = $2 ORDER BY time, position`,
    [tenantId, sessionId],
  );
  const ordered = orderCausally(rows.map((row) => ({ ...row, id: row.event_id, causationId: row.causation_id })));
  const start = (page - 1) * perPage;
  return {
    total: ordered.length,
    events: ordered.slice(start, start + perPage).map((row, index) => ({
      sequence: BigInt(start + index + 1),
      id: row.event_id,
      type: row.type,
      subject: row.subject,
      time: row.time.toISOString(),
      source: row.source,
      runId: row.run_id ?? '',
      stream: row.stream,
      streamSequence: BigInt(row.stream_sequence),
      payloadJson: JSON.stringify(decodePayload(row.type, row.payload)),
    })),
  };
}

function decodePayload(type: string, payload: Buffer) {
  try {
    return decodeEventPayload(type, new Uint8Array(payload));
  } catch (error) {
    // Stored as received; an undecodable payload is shown as such, not hidden.
    return { undecodable: error instanceof Error ? error.message : String(error), bytes_base64: payload.toString('base64') };
  }
}
