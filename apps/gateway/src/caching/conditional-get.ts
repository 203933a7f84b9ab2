import type { FastifyReply, FastifyRequest } from 'fastify';
import { CACHEABLE_PREFIX } from './cacheable';
import { entityTag, matchesIfNoneMatch } from './entity-tag';

/**
 * ETag on @Cacheable GETs and 304 without a body when the client's copy is current. A Fastify
 * onSend hook rather than a Nest interceptor: it hashes the body as serialised once, and keeps
 * rxjs off the path of every request (a measurable share of a cheap GET; see ADR 0007).
 */
export function conditionalGet(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  if (request.method !== 'GET' || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
  const cacheControl = reply.getHeader('cache-control');
  if (typeof cacheControl !== 'string' || !cacheControl.startsWith(CACHEABLE_PREFIX)) return payload;
  const tag = entityTag(payload);
  void reply.header('etag', tag);
  if (!matchesIfNoneMatch(request.headers['if-none-match'], tag)) return payload;
  void reply.code(304);
  return '';
}
