import { headers } from '@nats-io/nats-core';
import { createEnvelope, envelopeFromHeaders, envelopeToHeaders, Header } from './envelope';

describe('envelope', () => {
  const envelope = createEnvelope({
    type: 'sigil.run.v1.requested',
    source: 'gateway',
    dataSchema: 'proto:sigil.run.v1.RunRequested',
    tenantId: 'tenant-a',
    sessionId: 'session-1',
    runId: 'run-1',
    traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
  });

  it('given an envelope, when written to headers, then ce-id equals Nats-Msg-Id and all attributes travel', () => {
    const h = envelopeToHeaders(envelope);
    expect(h.get(Header.id)).toBe(envelope.id);
    expect(h.get(Header.msgId)).toBe(envelope.id);
    expect(h.get(Header.specVersion)).toBe('1.0');
    expect(envelopeFromHeaders(h)).toEqual(envelope);
  });

  it('given headers without a tenant, when read, then the envelope is refused naming what is missing', () => {
    const h = envelopeToHeaders(envelope);
    const stripped = headers();
    for (const [key, values] of h) if (key !== Header.tenantId) stripped.set(key, values[0]);
    expect(() => envelopeFromHeaders(stripped)).toThrow('missing envelope headers: sigil-tenant-id');
  });

  it('given no headers at all, when read, then every mandatory attribute is named', () => {
    expect(() => envelopeFromHeaders(undefined)).toThrow(/ce-id, ce-type, ce-source, ce-time, sigil-tenant-id/);
  });
});
