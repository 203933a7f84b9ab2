import type { Correlation } from '@sigil/messaging';
import type { FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { principalOf } from '../auth/principal';

const TRACEPARENT = /^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/;

/** A W3C traceparent: the caller's if valid, else the start of a new trace. */
export function traceparentFor(request: FastifyRequest): string {
  const incoming = request.headers.traceparent;
  if (typeof incoming === 'string' && TRACEPARENT.test(incoming)) return incoming;
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}

/** The correlation a request starts on the bus with: the authenticated caller's tenant, always. */
export function correlationFor(request: FastifyRequest, ids: { sessionId?: string; runId?: string } = {}): Correlation {
  return { tenantId: principalOf(request).tenantId, traceparent: traceparentFor(request), ...ids };
}
