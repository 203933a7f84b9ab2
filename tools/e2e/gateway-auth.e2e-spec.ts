import { SignJWT } from 'jose';
import { testInfrastructure } from '@sigil/testing';
import { ALL_SCOPES } from '@sigil/local-stack';
import pg from 'pg';
import { Redis } from 'ioredis';
import { apiAt, bearer, E2E_AUTH_ENV, E2E_JWT_SECRET } from './api-client';
import { startIdentityProvider, type IdentityProvider } from './jwks-server';
import { startPlatform, type RunningPlatform } from './platform';

const suffix = Date.now().toString(36);
const tenant = (name: string) => `${name}-${suffix}`;
const agentBody = (name: string) => ({ name, stratum: 'RTI', description: 'answers questions', system_prompt: 'Be brief.' });

describe('gateway: authentication, scopes, tenants and rate limits', () => {
  let platform: RunningPlatform;
  let idp: IdentityProvider;
  let db: pg.Client;
  let redis: Redis;
  const anonymous = () => apiAt(platform.gateway, {});
  const as = async (tenantId: string, scope = ALL_SCOPES, tier = 'enterprise') => apiAt(platform.gateway, await bearer(tenantId, scope, { tier }));

  beforeAll(async () => {
    idp = await startIdentityProvider();
    platform = await startPlatform({ ...E2E_AUTH_ENV, SIGIL_JWT_JWKS_URL: idp.jwksUrl });
    db = new pg.Client({ connectionString: testInfrastructure().databaseUrl });
    await db.connect();
    redis = new Redis(testInfrastructure().redisUrl);
  });

  afterAll(async () => {
    redis?.disconnect();
    await db?.end();
    await platform?.stop();
    await idp?.close();
  });

  describe('401: who is calling is unknown', () => {
    const hs256 = (claims: Record<string, unknown>, build: (jwt: SignJWT) => SignJWT = (jwt) => jwt) =>
      build(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('u1').setIssuedAt()).sign(new TextEncoder().encode(E2E_JWT_SECRET));
    const valid = (jwt: SignJWT) => jwt.setAudience('sigil-api').setIssuer('sigil-e2e').setExpirationTime('5m');

    it('refuses a request without credentials, saying how to authenticate', async () => {
      const response = await anonymous()('GET', '/v7/agents');
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="sigil-api"');
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 401, error_code: 'AUTH_001', title: 'AuthenticationRequiredError', instance: '/v7/agents' });
    });

    it.each([
      ['a bad signature', async () => new SignJWT({ tenant_id: 't', scope: ALL_SCOPES }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setAudience('sigil-api').setIssuer('sigil-e2e').setExpirationTime('5m').sign(new TextEncoder().encode('another-secret-of-enough-length-000000')), 'AUTH_002'],
      ['another audience', () => hs256({ tenant_id: 't', scope: ALL_SCOPES }, (jwt) => jwt.setAudience('other-api').setIssuer('sigil-e2e').setExpirationTime('5m')), 'AUTH_002'],
      ['another issuer', () => hs256({ tenant_id: 't', scope: ALL_SCOPES }, (jwt) => jwt.setAudience('sigil-api').setIssuer('evil').setExpirationTime('5m')), 'AUTH_002'],
      ['nbf in the future', () => hs256({ tenant_id: 't', scope: ALL_SCOPES }, (jwt) => valid(jwt).setNotBefore('10m')), 'AUTH_002'],
      ['no tenant_id claim', () => hs256({ scope: ALL_SCOPES }, valid), 'AUTH_002'],
      ['no exp claim', () => hs256({ tenant_id: 't', scope: ALL_SCOPES }, (jwt) => jwt.setAudience('sigil-api').setIssuer('sigil-e2e')), 'AUTH_002'],
      ['an expired token', () => hs256({ tenant_id: 't', scope: ALL_SCOPES }, (jwt) => jwt.setAudience('sigil-api').setIssuer('sigil-e2e').setExpirationTime(Math.floor(Date.now() / 1000) - 120)), 'AUTH_003'],
      ['an unsigned token', async () => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ tenant_id: 't', aud: 'sigil-api', iss: 'sigil-e2e', sub: 'u', exp: 9_999_999_999 })).toString('base64url')}.`, 'AUTH_002'],
    ])('refuses %s', async (_, token, code) => {
      const response = await apiAt(platform.gateway, { authorization: `Bearer ${await token()}` })('GET', '/v7/agents');
      expect([response.status, response.body.error_code]).toEqual([401, code]);
    });

    it('accepts RS256 and ES256 tokens of the identity provider via its JWKS', async () => {
      for (const alg of ['RS256', 'ES256'] as const) {
        const token = await idp.sign(alg, { tenant_id: tenant('idp'), scope: 'agents:read' }, 'sigil-e2e');
        const response = await apiAt(platform.gateway, { authorization: `Bearer ${token}` })('GET', '/v7/agents');
        expect([alg, response.status]).toEqual([alg, 200]);
      }
    });
  });

  describe('403: the caller is known but lacks a scope', () => {
    it('names the missing scope per route, and admin holds every scope', async () => {
      const reader = await as(tenant('scopes'), 'agents:read');
      expect((await reader('GET', '/v7/agents')).status).toBe(200);
      const create = await reader('POST', '/v7/agents', agentBody('scoped_agent'));
      expect(create.status).toBe(403);
      expect(create.body).toMatchObject({ error_code: 'AUTH_005', detail: 'Missing required scopes: agents:write' });
      expect((await reader('POST', '/v7/agents/scoped_agent/run', { input: 'hi' })).body).toMatchObject({ status: 403, detail: 'Missing required scopes: agents:execute' });
      expect((await reader('GET', '/v7/api-keys')).body).toMatchObject({ status: 403, detail: 'Missing required scopes: admin' });
      const admin = await as(tenant('scopes'), 'admin');
      expect((await admin('POST', '/v7/agents', agentBody('scoped_agent'))).status).toBe(201);
    });

    it('leaves health, metrics and the API description open', async () => {
      const open = { '/health': 'application/json', '/metrics': 'text/plain', '/v7/openapi.json': 'application/json', '/v7/docs': 'text/html' };
      for (const [path, type] of Object.entries(open)) {
        const response = await fetch(`${platform.gateway}${path}`);
        expect([path, response.status, response.headers.get('content-type')?.split(';')[0]]).toEqual([path, 200, type]);
      }
    });
  });

  describe('API keys for service accounts', () => {
    it('shows the key once, stores only its hash, and lets it act with its own scopes', async () => {
      const admin = await as(tenant('keys'));
      const created = await admin('POST', '/v7/api-keys', { name: 'ci', scopes: ['agents:read'] });
      expect(created.status).toBe(201);
      const key = created.body.key as string;
      expect(key).toMatch(/^sk_live_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
      expect(created.body).toMatchObject({ name: 'ci', scopes: ['agents:read'], prefix: key.slice(0, 24), status: 'active', revoked_at: null });

      const listed = await admin('GET', '/v7/api-keys');
      expect(listed.body.pagination).toEqual({ page: 1, per_page: 20, total: 1, total_pages: 1 });
      expect(JSON.stringify(listed.body)).not.toContain(key.slice(25));
      expect((listed.body.api_keys as Record<string, unknown>[])[0]).not.toHaveProperty('key');
      const stored = (await db.query('SELECT * FROM gateway.api_keys WHERE id = $1', [created.body.id])).rows[0] as Record<string, unknown>;
      expect(JSON.stringify(stored)).not.toContain(key.slice(25));

      const service = apiAt(platform.gateway, { 'x-api-key': key });
      expect((await service('GET', '/v7/agents')).status).toBe(200);
      expect((await service('POST', '/v7/agents', agentBody('from_key'))).body).toMatchObject({ status: 403, error_code: 'AUTH_005' });
      expect((await apiAt(platform.gateway, { 'x-api-key': `${key.slice(0, -1)}x` })('GET', '/v7/agents')).body).toMatchObject({ status: 401, error_code: 'AUTH_004' });
    });

    it('stops accepting a key once revoked or expired', async () => {
      const admin = await as(tenant('revoke'));
      const revoked = await admin('POST', '/v7/api-keys', { name: 'old', scopes: ['agents:read'] });
      expect((await admin('DELETE', `/v7/api-keys/${revoked.body.id as string}`)).status).toBe(204);
      const afterRevoke = await apiAt(platform.gateway, { 'x-api-key': revoked.body.key as string })('GET', '/v7/agents');
      expect(afterRevoke.body).toMatchObject({ status: 401, detail: 'The API key has been revoked' });

      const expiring = await admin('POST', '/v7/api-keys', { name: 'short', scopes: ['agents:read'], expires_at: new Date(Date.now() + 1_500).toISOString() });
      const service = apiAt(platform.gateway, { 'x-api-key': expiring.body.key as string });
      expect((await service('GET', '/v7/agents')).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1_600));
      expect((await service('GET', '/v7/agents')).body).toMatchObject({ status: 401, detail: 'The API key has expired' });

      const past = await admin('POST', '/v7/api-keys', { name: 'past', scopes: ['agents:read'], expires_at: '2020-01-01T00:00:00Z' });
      expect(past.body).toMatchObject({ status: 422, error_code: 'REQ_002' });
    });
  });

  describe('tenant isolation', () => {
    it('gives tenant B nothing of tenant A, by id, by list or by search', async () => {
      const a = await as(tenant('iso-a'));
      const b = await as(tenant('iso-b'));
      expect((await a('POST', '/v7/agents', agentBody('private_agent'))).status).toBe(201);
      const run = await a('POST', '/v7/agents/private_agent/run', { input: 'confidential', session_id: `s-a-${suffix}` });
      expect(run.status).toBe(200);
      const runId = run.body.run_id as string;
      const key = await a('POST', '/v7/api-keys', { name: 'a-key', scopes: ['agents:read'] });

      const denied: [string, string, unknown?][] = [
        ['GET', '/v7/agents/private_agent'],
        ['GET', '/v7/agents/private_agent/status'],
        ['GET', '/v7/agents/private_agent/versions'],
        ['PATCH', '/v7/agents/private_agent', { description: 'taken over' }],
        ['POST', '/v7/agents/private_agent/run', { input: 'hi' }],
        ['DELETE', '/v7/agents/private_agent'],
        ['GET', `/v7/runs/${runId}`],
        ['GET', `/v7/operations/${runId}`],
        ['DELETE', `/v7/api-keys/${key.body.id as string}`],
      ];
      for (const [method, path, body] of denied) expect([method, path, (await b(method, path, body)).status]).toEqual([method, path, 404]);
      expect((await b('GET', '/v7/agents?q=private')).body.agents).toEqual([]);
      expect((await b('GET', '/v7/agents')).body.pagination).toMatchObject({ total: 0 });
      expect((await b('GET', `/v7/sessions/s-a-${suffix}/runs`)).body).toMatchObject({ runs: [], pagination: { total: 0 } });
      expect((await b('GET', `/v7/sessions/s-a-${suffix}/events`)).body).toMatchObject({ events: [], pagination: { total: 0 } });
      expect((await b('GET', '/v7/api-keys')).body.api_keys).toEqual([]);
      expect((await b('GET', '/v7/budget/status')).body).toMatchObject({ daily: { used_tokens: 0, runs: 0 } });

      const mine = await a('GET', '/v7/agents/private_agent');
      expect(mine.body).toMatchObject({ description: 'answers questions', version: '1.0.0' });
      expect((await a('GET', `/v7/runs/${runId}`)).body).toMatchObject({ status: 'completed' });
      expect((await a('GET', '/v7/api-keys')).body.pagination).toMatchObject({ total: 1 });
    });
  });

  describe('rate limits', () => {
    it('counts in Redis per tenant with the tier windows, with headers on every response and Retry-After on 429', async () => {
      const free = await as(tenant('free'), 'agents:read', 'free');
      const first = await free('GET', '/v7/agents');
      expect(first.status).toBe(200);
      expect(first.headers.get('x-ratelimit-limit')).toBe('1');
      expect(first.headers.get('x-ratelimit-window')).toBe('1');
      expect(first.headers.get('x-ratelimit-remaining')).toBe('0');
      const second = await free('GET', '/v7/agents/nobody');
      expect(second.status).toBe(429);
      expect(second.body).toMatchObject({ error_code: 'RATE_001', title: 'RateLimitExceededError' });
      expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(second.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(Number(second.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1);
    });

    it('shares one count across two gateway replicas', async () => {
      const replica = await platform.startGatewayReplica();
      const credentials = await bearer(tenant('replicas'), 'agents:read', { tier: 'standard' });
      const replicas = [apiAt(platform.gateway, credentials), apiAt(replica, credentials)];
      await new Promise((resolve) => setTimeout(resolve, 1_000 - (Date.now() % 1_000) + 20));
      const responses = await Promise.all(Array.from({ length: 14 }, (_, index) => replicas[index % 2]('GET', '/v7/agents')));
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(10);
      expect(statuses.filter((status) => status === 429)).toHaveLength(4);
      const remaining = responses.filter((response) => response.status === 200).map((response) => Number(response.headers.get('x-ratelimit-remaining')));
      expect(remaining.sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it('refuses a run over the limit with 429 whatever else is wrong with it, and keeps no idempotency key for it', async () => {
      const api = await as(tenant('limited-runs'), ALL_SCOPES, 'free');
      const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1_000 - (Date.now() % 1_000) + 20));
      await nextSecond();
      expect((await api('GET', '/v7/agents')).status).toBe(200);
      // The run routes check the limit while the body is validated: the refusal must still win, as if checked first.
      const invalid = await api('POST', '/v7/agents/nobody/run', { inputs: 'misspelt' });
      const unknownAgent = await api('POST', '/v7/agents/nobody/run', { input: 'hello' }, { 'idempotency-key': `refused-${suffix}` });
      for (const refused of [invalid, unknownAgent]) {
        expect(refused.status).toBe(429);
        expect(refused.body).toMatchObject({ error_code: 'RATE_001' });
        expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
      }

      await nextSecond();
      const allowedButInvalid = await api('POST', '/v7/agents/nobody/run', { inputs: 'misspelt' });
      expect(allowedButInvalid.status).toBe(400);
      expect(allowedButInvalid.body.validation_errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'input' })]));
      expect(allowedButInvalid.headers.get('x-ratelimit-limit')).toBe('1');
      await nextSecond();
      const sameKeyAllowed = await api('POST', '/v7/agents/nobody/run', { input: 'hello' }, { 'idempotency-key': `refused-${suffix}` });
      expect(sameKeyAllowed.status).toBe(404);
      expect(sameKeyAllowed.headers.get('idempotent-replayed')).toBeNull();
    });

    it('refuses runs once the tenant spent its tokens for the minute, and meters finished runs', async () => {
      const tenantId = tenant('tokens');
      const api = await as(tenantId);
      expect((await api('POST', '/v7/agents', agentBody('metered'))).status).toBe(201);
      const run = await api('POST', '/v7/agents/metered/run', { input: 'count me' });
      const spent = (run.body.metadata as { tokens_used: { total_tokens: number } }).tokens_used.total_tokens;
      expect(spent).toBeGreaterThan(0);
      expect(Number(run.headers.get('x-tokens-used'))).toBe(spent);
      expect(Number(run.headers.get('x-tokens-remaining'))).toBe(40_000_000 - spent);
      const budget = async () => (await api('GET', '/v7/budget/status')).body as { per_minute: { used_tokens: number }; daily: { used_tokens: number; runs: number } };
      for (let attempt = 0; (await budget()).per_minute.used_tokens !== spent && attempt < 50; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await budget()).toMatchObject({ per_minute: { used_tokens: spent }, daily: { used_tokens: spent, runs: 1 } });

      const minute = Math.floor(Number((await redis.time())[0]) / 60);
      await redis.incrby(`tokens:${tenantId}:${minute}`, 2_000_000);
      const refused = await api('POST', '/v7/agents/metered/run', { input: 'one more' });
      if (refused.status === 200) throw new Error('the minute turned over between filling the meter and running; rerun');
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ error_code: 'RATE_002' });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    });

    it('refuses runs once the tenant spent its day, counting from the planner when Redis lost the day', async () => {
      const tenantId = tenant('daily');
      const api = await as(tenantId);
      expect((await api('POST', '/v7/agents', agentBody('daily'))).status).toBe(201);
      const run = await api('POST', '/v7/agents/daily/run', { input: 'count my day' });
      const spent = (run.body.metadata as { tokens_used: { total_tokens: number } }).tokens_used.total_tokens;
      const dayKey = `tokens:${tenantId}:day:${Math.floor(Number((await redis.time())[0]) / 86_400)}`;
      for (let attempt = 0; Number(await redis.get(dayKey)) !== spent && attempt < 50; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(Number(await redis.get(dayKey))).toBe(spent);

      await redis.del(dayKey);
      const reseeded = await api('POST', '/v7/agents/daily/run', { input: 'after a Redis loss' });
      expect(reseeded.status).toBe(200);
      expect(Number(reseeded.headers.get('x-tokens-remaining'))).toBe(40_000_000 - spent - Number(reseeded.headers.get('x-tokens-used')));

      await redis.set(dayKey, 40_000_000);
      const refused = await api('POST', '/v7/agents/daily/run', { input: 'over the day' });
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ error_code: 'CTX_003' });
    });
  });
});
