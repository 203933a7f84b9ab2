import { headers as natsHeaders, type MsgHdrs } from '@nats-io/nats-core';
import { randomUUID } from 'node:crypto';

/** Header names: CloudEvents attributes (binary mode) plus Sigil's correlation ids. */
export const Header = {
  id: 'ce-id',
  type: 'ce-type',
  source: 'ce-source',
  time: 'ce-time',
  dataSchema: 'ce-dataschema',
  specVersion: 'ce-specversion',
  traceparent: 'traceparent',
  tenantId: 'sigil-tenant-id',
  sessionId: 'sigil-session-id',
  runId: 'sigil-run-id',
  causationId: 'sigil-causation-id',
  msgId: 'Nats-Msg-Id',
} as const;

/** The correlation a message carries from the first hop on. */
export interface Correlation {
  tenantId: string;
  sessionId?: string;
  runId?: string;
  traceparent?: string;
}

export interface Envelope extends Correlation {
  id: string;
  type: string;
  source: string;
  time: string;
  dataSchema: string;
  causationId?: string;
}

export interface EnvelopeInit extends Correlation {
  type: string;
  source: string;
  dataSchema: string;
  /** Deterministic ids make republishing the same logical event a duplicate that JetStream drops. */
  id?: string;
  causationId?: string;
  time?: Date;
}

export function createEnvelope(init: EnvelopeInit): Envelope {
  return {
    id: init.id ?? randomUUID(),
    type: init.type,
    source: init.source,
    time: (init.time ?? new Date()).toISOString(),
    dataSchema: init.dataSchema,
    tenantId: init.tenantId,
    sessionId: init.sessionId,
    runId: init.runId,
    traceparent: init.traceparent,
    causationId: init.causationId,
  };
}

export function envelopeToHeaders(envelope: Envelope): MsgHdrs {
  const h = natsHeaders();
  h.set(Header.id, envelope.id);
  h.set(Header.msgId, envelope.id);
  h.set(Header.specVersion, '1.0');
  h.set(Header.type, envelope.type);
  h.set(Header.source, envelope.source);
  h.set(Header.time, envelope.time);
  h.set(Header.dataSchema, envelope.dataSchema);
  h.set(Header.tenantId, envelope.tenantId);
  const optional: [string, string | undefined][] = [
    [Header.sessionId, envelope.sessionId],
    [Header.runId, envelope.runId],
    [Header.traceparent, envelope.traceparent],
    [Header.causationId, envelope.causationId],
  ];
  for (const [name, value] of optional) if (value) h.set(name, value);
  return h;
}

export class EnvelopeError extends Error {}

const MANDATORY_HEADERS = [Header.id, Header.type, Header.source, Header.time, Header.tenantId];

/** Reads the envelope back; a message without the mandatory attributes is refused. */
export function envelopeFromHeaders(h: MsgHdrs | undefined): Envelope {
  const get = (name: string) => h?.get(name) || undefined;
  const [id, type, source, time, tenantId] = MANDATORY_HEADERS.map(get);
  if (!id || !type || !source || !time || !tenantId) {
    const missing = MANDATORY_HEADERS.filter((name) => !get(name));
    throw new EnvelopeError(`missing envelope headers: ${missing.join(', ')}`);
  }
  return {
    id,
    type,
    source,
    time,
    dataSchema: get(Header.dataSchema) ?? '',
    tenantId,
    sessionId: get(Header.sessionId),
    runId: get(Header.runId),
    traceparent: get(Header.traceparent),
    causationId: get(Header.causationId),
  };
}

/** The correlation of a message, handed on to the messages it causes. */
export function correlationOf(envelope: Envelope): Correlation {
  const { tenantId, sessionId, runId, traceparent } = envelope;
  return { tenantId, sessionId, runId, traceparent };
}
