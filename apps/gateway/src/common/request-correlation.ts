import type { Correlation } from '@sigil/messaging';
import type { FastifyRequest } from 'fastify';
import { randomFillSync } from 'node:crypto';
import { principalOf } from '../auth/principal';
import { requestSlot } from './request-slot';

const TRACEPARENT = /^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/;
const startedTrace = requestSlot<string>('sigil.traceparent', 'no trace started for the request');

/** Trace ids are drawn from a pool of random bytes refilled 4 KB at a time: a call into the system per 170 requests, not per id. */
const randomPool = Buffer.alloc(4_096);
let poolOffset = randomPool.length;
function randomHex(bytes: number): string {
  if (poolOffset + bytes > randomPool.length) {
    randomFillSync(randomPool);
    poolOffset = 0;
  }
  poolOffset += bytes;
  return randomPool.toString('hex', poolOffset - bytes, poolOffset);
}

/** A W3C traceparent: the caller's if valid, else the start of a new trace; the same one for the whole request. */
export function traceparentFor(request: FastifyRequest): string {
  const incoming = request.headers.traceparent;
  if (typeof incoming === 'string' && TRACEPARENT.test(incoming)) return incoming;
  let started = startedTrace.maybe(request);
  if (!started) {
    started = `00-${randomHex(16)}-${randomHex(8)}-01`;
    startedTrace.attach(request, started);
  }
  return started;
}

/** The correlation a request starts on the bus with: the authenticated caller's tenant, always. */
export function correlationFor(request: FastifyRequest, ids: { sessionId?: string; runId?: string } = {}): Correlation {
  return { tenantId: principalOf(request).tenantId, traceparent: traceparentFor(request), ...ids };
}
