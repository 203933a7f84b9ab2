import type { FastifyReply, FastifyRequest } from 'fastify';
import { conditionalGet } from './conditional-get';
import { entityTag } from './entity-tag';

const BODY = '{"name":"helper"}';

function exchange(method: string, cacheControl: string | undefined, ifNoneMatch?: string, statusCode = 200) {
  const headers: Record<string, string> = cacheControl ? { 'cache-control': cacheControl } : {};
  const reply = {
    statusCode,
    getHeader: (name: string) => headers[name],
    header: (name: string, value: string) => (headers[name] = value),
    code(status: number) {
      this.statusCode = status;
    },
  };
  const request = { method, headers: ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {} };
  const payload = conditionalGet(request as unknown as FastifyRequest, reply as unknown as FastifyReply, BODY);
  return { payload, status: reply.statusCode, headers };
}

describe('conditional GET', () => {
  it('given a cacheable GET, when sent, then it carries the tag of its body', () => {
    expect(exchange('GET', 'private, max-age=300')).toEqual({
      payload: BODY,
      status: 200,
      headers: { 'cache-control': 'private, max-age=300', etag: entityTag(BODY) },
    });
  });

  it("given the client's current tag, when sent, then it is a 304 without a body", () => {
    expect(exchange('GET', 'private, max-age=300', `W/${entityTag(BODY)}`)).toMatchObject({ payload: '', status: 304 });
  });

  it('given a stale tag, when sent, then the body goes out with the new tag', () => {
    expect(exchange('GET', 'private, max-age=300', '"old"')).toMatchObject({ payload: BODY, status: 200 });
  });

  it.each([
    ['a route that is not cacheable', 'GET', undefined, 200],
    ['a POST', 'POST', 'private, max-age=300', 200],
    ['an error', 'GET', 'private, max-age=300', 404],
  ])('given %s, when sent, then no tag is added', (_, method, cacheControl, status) => {
    const sent = exchange(method, cacheControl, undefined, status);
    expect(sent.headers.etag).toBeUndefined();
    expect(sent.status).toBe(status);
  });
});
