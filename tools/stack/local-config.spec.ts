import { localStackConfig } from './local-config';

describe('local stack config', () => {
  it('given no URLs, when read, then the standard ports apply', () => {
    expect(localStackConfig({}).ports).toEqual({ nats: 4222, postgres: 5432, redis: 6379 });
  });

  it('given URLs with ports, when read, then the local servers move there', () => {
    const env = { NATS_URL: 'nats://127.0.0.1:14222', DATABASE_URL: 'postgres://u:p@127.0.0.1:15432/sigil', REDIS_URL: 'redis://127.0.0.1:16379' };
    expect(localStackConfig(env).ports).toEqual({ nats: 14222, postgres: 15432, redis: 16379 });
  });
});
