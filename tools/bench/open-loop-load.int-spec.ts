import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openLoopLoad } from './open-loop-load';

describe('openLoopLoad against a local HTTP server', () => {
  let server: Server;
  let origin: string;
  const seen = new Map<string, number>();

  beforeAll(async () => {
    server = createServer((request, response) => {
      const caller = request.headers.authorization ?? '(none)';
      seen.set(caller, (seen.get(caller) ?? 0) + 1);
      const body = '{"ok":true}';
      response.writeHead(caller === 'Bearer refused' ? 429 : 200, { 'content-type': 'application/json', 'content-length': body.length }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('given a rate, a duration and header sets, when the load runs, then every due request is sent once, answered, timed, and the sets are taken in turn', async () => {
    seen.clear();
    const result = await openLoopLoad({
      origin,
      path: '/v7/agents/x',
      ratePerSecond: 1_000,
      durationS: 0.6,
      connections: 4,
      headerSets: [{ authorization: 'Bearer a' }, { authorization: 'Bearer b' }, { authorization: 'Bearer refused' }],
    });
    expect(result.sent).toBe(600);
    expect(result.latencies).toHaveLength(600);
    expect(result.latencies.every((latency) => latency >= 0 && latency < 5_000)).toBe(true);
    expect(Object.fromEntries(seen)).toEqual({ 'Bearer a': 200, 'Bearer b': 200, 'Bearer refused': 200 });
    expect(result.non200).toBe(200);
  });
});
