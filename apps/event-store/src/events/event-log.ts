import { decodeEventPayload } from '@sigil/catalog';
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
