import type { FastifyRequest } from 'fastify';
import { traceparentFor } from './request-correlation';

const requestWith = (headers: Record<string, string> = {}) => ({ headers }) as unknown as FastifyRequest;

describe('request correlation', () => {
  it('given a valid incoming traceparent, when asked, then the caller’s trace continues', () => {
    const incoming = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    expect(traceparentFor(requestWith({ traceparent: incoming }))).toBe(incoming);
  });

  it('given no or a malformed traceparent, when asked twice, then one new well-formed trace serves the whole request', () => {
    const request = requestWith({ traceparent: 'garbage' });
    const first = traceparentFor(request);
    expect(first).toMatch(/^00-[\da-f]{32}-[\da-f]{16}-01$/);
    expect(traceparentFor(request)).toBe(first);
    expect(traceparentFor(requestWith())).not.toBe(first);
  });

  it('given more requests than one pool of random bytes serves, when each starts a trace, then every trace id is new', () => {
    const traceIds = Array.from({ length: 500 }, () => traceparentFor(requestWith()).slice(3, 35));
    expect(new Set(traceIds).size).toBe(500);
  });
});
