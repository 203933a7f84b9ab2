import type { Correlation } from '@sigil/messaging';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { principalOf } from '../auth/principal';

const TRACEPARENT = /^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/;
const traceparents = new WeakMap<FastifyRequest, string>();

/** Random hex from randomUUID's pooled entropy: randomBytes costs a call into the system per request. */
const randomHex = (length: number) => randomUUID().replaceAll('-', '').slice(0, length);

/** A W3C traceparent: the caller's if valid, else the start of a new trace; the same one for the whole request. */
export function traceparentFor(request: FastifyRequest): string {
  const incoming = request.headers.traceparent;
  if (typeof incoming === 'string' && TRACEPARENT.test(incoming)) return incoming;
  let started = traceparents.get(request);
  if (!started) {
    started = `00-${randomHex(32)}-${randomHex(16)}-01`;
    traceparents.set(request, started);
  }
  return started;
}

/** The correlation a request starts on the bus with: the authenticated caller's tenant, always. */
export function correlationFor(request: FastifyRequest, ids: { sessionId?: string; runId?: string } = {}): Correlation {
  return { tenantId: principalOf(request).tenantId, traceparent: traceparentFor(request), ...ids };
}
