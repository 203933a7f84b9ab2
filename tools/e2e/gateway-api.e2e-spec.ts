import { ALL_SCOPES } from '@sigil/local-stack';
import { eventually, testInfrastructure } from '@sigil/testing';
import pg from 'pg';
import { apiAt, bearer, E2E_AUTH_ENV, type Api } from './api-client';
import { startPlatform, type RunningPlatform } from './platform';

const suffix = Date.now().toString(36);
const ALLOWED_ORIGIN = 'https://console.sigil.test';

describe('gateway: conventions, agents, runs and operations', () => {
  let platform: RunningPlatform;
  let db: pg.Client;
  let api: Api;
  const tenantId = `conventions-${suffix}`;

  beforeAll(async () => {
    platform = await startPlatform({ ...E2E_AUTH_ENV, SIGIL_CORS_ORIGINS: ALLOWED_ORIGIN });
    api = apiAt(platform.gateway, await bearer(tenantId, ALL_SCOPES, { tier: 'enterprise' }));
    db = new pg.Client({ connectionString: testInfrastructure().databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await platform?.stop();
  });

  describe('agents', () => {
    it('validates names, strata and lengths, listing every violation and rejecting unknown fields', async () => {
      const invalid = await api('POST', '/v7/agents', { name: 'Admin', stratum: 'XYZ', description: 'x'.repeat(501), colour: 'red' });
      expect(invalid.status).toBe(400);
      const fields = (invalid.body.validation_errors as { field: string }[]).map((violation) => violation.field);
      expect([...new Set(fields)].sort()).toEqual(['colour', 'description', 'name', 'stratum']);
      expect((await api('POST', '/v7/agents', { name: 'root', stratum: 'RTI', description: 'd' })).body.validation_errors).toEqual([{ field: 'name', message: 'Agent name is reserved' }]);
      expect((await api('POST', '/v7/agents', { name: 'ab', stratum: 'RTI', description: 'd' })).status).toBe(400);
    });

    it('updates into new versions, keeps their history, and deletes', async () => {
      const created = await api('POST', '/v7/agents', { name: 'versioned', stratum: 'RTI', description: 'v1' });
      expect(created.body).toMatchObject({ name: 'versioned', version: '1.0.0', revision: 1, status: 'active', system_prompt: '' });
      const patched = await api('PATCH', '/v7/agents/versioned', { description: 'v2', system_prompt: 'Be kind.' });
      expect(patched.body).toMatchObject({ version: '1.1.0', revision: 2, description: 'v2', system_prompt: 'Be kind.', stratum: 'RTI' });
      expect((await api('PATCH', '/v7/agents/versioned', {})).status).toBe(400);
      expect((await api('PATCH', '/v7/agents/versioned', { name: 'renamed' })).body.validation_errors).toEqual([{ field: 'name', message: 'property name should not exist' }]);
      const versions = await api('GET', '/v7/agents/versioned/versions');
      expect((versions.body.versions as { version: string; description: string }[]).map((version) => [version.version, version.description])).toEqual([
        ['1.1.0', 'v2'],
        ['1.0.0', 'v1'],
      ]);
      expect(versions.body.pagination).toEqual({ page: 1, per_page: 20, total: 2, total_pages: 1 });
      expect((await api('DELETE', '/v7/agents/versioned')).status).toBe(204);
      expect((await api('GET', '/v7/agents/versioned')).body).toMatchObject({ status: 404, error_code: 'AGT_001' });
    });

    it('lists with page and per_page, filters, q search and multi-field sort', async () => {
      const lister = apiAt(platform.gateway, await bearer(`lists-${suffix}`, ALL_SCOPES, { tier: 'enterprise' }));
      const agents = [
        ['alpha_sales', 'RAI', 'qualifies sales leads'],
        ['beta_support', 'RTI', 'answers support tickets'],
        ['gamma_sales', 'RAI', 'follows up sales'],
        ['delta_ops', 'EEI', 'watches operations'],
        ['epsilon_100', 'RTI', 'discount of 100% off'],
      ];
      for (const [name, stratum, description] of agents) expect((await lister('POST', '/v7/agents', { name, stratum, description })).status).toBe(201);
      const names = (body: Record<string, unknown>) => (body.agents as { name: string }[]).map((agent) => agent.name);

      const page = await lister('GET', '/v7/agents?page=2&per_page=2&sort=name');
      expect(names(page.body)).toEqual(['delta_ops', 'epsilon_100']);
      expect(page.body.pagination).toEqual({ page: 2, per_page: 2, total: 5, total_pages: 3 });
      expect(names((await lister('GET', '/v7/agents?stratum=RAI&sort=-name')).body)).toEqual(['gamma_sales', 'alpha_sales']);
      expect(names((await lister('GET', '/v7/agents?q=SALES&sort=name')).body)).toEqual(['alpha_sales', 'gamma_sales']);
      expect(names((await lister('GET', '/v7/agents?q=100%25')).body)).toEqual(['epsilon_100']);
      expect(names((await lister('GET', '/v7/agents?sort=-stratum,name')).body)).toEqual(['beta_support', 'epsilon_100', 'alpha_sales', 'gamma_sales', 'delta_ops']);
      expect((await lister('GET', `/v7/agents?created_after=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).body.pagination).toMatchObject({ total: 0 });
      const badSort = await lister('GET', '/v7/agents?sort=-password');
      expect(badSort.body).toMatchObject({ status: 400, error_code: 'REQ_001' });
      expect(JSON.stringify(badSort.body.validation_errors)).toContain("cannot sort by 'password'");
      expect((await lister('GET', '/v7/agents?per_page=101')).body.validation_errors).toEqual([{ field: 'per_page', message: 'per_page must not be greater than 100' }]);
    });

    it('serves ETag and Cache-Control, answers 304 to a current copy, and a changed agent gets a new tag', async () => {
      await api('POST', '/v7/agents', { name: 'cached', stratum: 'RTI', description: 'first' });
      const first = await api('GET', '/v7/agents/cached');
      const etag = first.headers.get('etag') ?? '';
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
      expect(first.headers.get('cache-control')).toBe('private, max-age=300');
      const notModified = await fetch(`${platform.gateway}/v7/agents/cached`, { headers: { ...(await bearer(tenantId, 'agents:read', { tier: 'enterprise' })), 'if-none-match': etag } });
      expect(notModified.status).toBe(304);
      expect(await notModified.text()).toBe('');
      await api('PATCH', '/v7/agents/cached', { description: 'second' });
      const changed = await api('GET', '/v7/agents/cached', undefined, { 'if-none-match': etag });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
      expect((await api('GET', '/v7/agents')).headers.get('cache-control')).toBe('private, max-age=60');
    });

    it('keeps each replica copy of an agent current: a change made through one replica is served by another at once', async () => {
      const other = apiAt(await platform.startGatewayReplica(), await bearer(tenantId, ALL_SCOPES, { tier: 'enterprise' }));
      await api('POST', '/v7/agents', { name: 'replicated', stratum: 'RTI', description: 'first' });
      expect((await other('GET', '/v7/agents/replicated')).body).toMatchObject({ description: 'first' });
      await api('PATCH', '/v7/agents/replicated', { description: 'second' });
      // Copies live 30 s: seeing the change within 3 s shows the announcement evicted the other replica's copy.
      await eventually(async () => expect((await other('GET', '/v7/agents/replicated')).body).toMatchObject({ description: 'second', revision: 2 }), 3_000);
      await api('DELETE', '/v7/agents/replicated');
      await eventually(async () => expect((await other('GET', '/v7/agents/replicated')).status).toBe(404), 3_000);
    });

    it('reports status with run counts, and an inactive agent cannot run', async () => {
      await api('POST', '/v7/agents', { name: 'stateful', stratum: 'RTI', description: 'd' });
      expect((await api('POST', '/v7/agents/stateful/run', { input: 'one' })).body.status).toBe('completed');
      const status = await api('GET', '/v7/agents/stateful/status');
      expect(status.body).toMatchObject({ name: 'stateful', status: 'active', version: '1.0.0', runs: { total: 1, running: 0, completed: 1, failed: 0 } });
      expect(Number.isNaN(Date.parse(String((status.body.runs as { last_run_at: string }).last_run_at)))).toBe(false);
      await api('PATCH', '/v7/agents/stateful', { status: 'inactive' });
      expect((await api('POST', '/v7/agents/stateful/run', { input: 'two' })).body).toMatchObject({ status: 409, error_code: 'AGT_003' });
    });
  });

  describe('runs, operations and sessions', () => {
    beforeAll(async () => {
      await api('POST', '/v7/agents', { name: 'runner', stratum: 'RTI', description: 'runs things' });
    });

    it('answers an async run with 202 and an operation that reports the result when done', async () => {
      const accepted = await api('POST', '/v7/agents/runner/run', { input: 'in the background', async: true });
      expect(accepted.status).toBe(202);
      const operationId = accepted.body.operation_id as string;
      expect(accepted.headers.get('location')).toBe(`/v7/operations/${operationId}`);
      const done = await eventually(async () => {
        const operation = await api('GET', `/v7/operations/${operationId}`);
        expect(operation.body.done).toBe(true);
        return operation.body;
      });
      expect(done).toMatchObject({ operation_id: operationId, kind: 'agent_run', status: 'completed', error: null, links: { run: `/v7/runs/${operationId}` } });
      expect((done.result as { response: string }).response).toContain('in the background');
      expect((await api('GET', '/v7/operations/00000000-0000-0000-0000-000000000000')).body).toMatchObject({ status: 404, error_code: 'RUN_002' });
    });

    it('lists the runs of a session in order with pagination', async () => {
      const session = `session-${suffix}`;
      const first = await api('POST', '/v7/agents/runner/run', { input: 'first', session_id: session });
      const second = await api('POST', '/v7/agents/runner/run', { input: 'second', session_id: session });
      const listing = await api('GET', `/v7/sessions/${session}/runs`);
      expect((listing.body.runs as { run_id: string }[]).map((run) => run.run_id)).toEqual([first.body.run_id, second.body.run_id]);
      expect(listing.body.pagination).toEqual({ page: 1, per_page: 20, total: 2, total_pages: 1 });
      expect((await api('GET', `/v7/sessions/${session}/runs?per_page=1&page=2`)).body.runs).toMatchObject([{ run_id: second.body.run_id, status: 'completed' }]);
    });
  });

  describe('idempotency', () => {
    it('returns the first result for a repeated key and refuses the key with another body', async () => {
      const key = { 'idempotency-key': `create-${suffix}` };
      const first = await api('POST', '/v7/agents', { name: 'once_only', stratum: 'RTI', description: 'd' }, key);
      const repeat = await api('POST', '/v7/agents', { description: 'd', stratum: 'RTI', name: 'once_only' }, key);
      expect([first.status, repeat.status]).toEqual([201, 201]);
      expect(repeat.body).toEqual(first.body);
      expect(repeat.headers.get('idempotent-replayed')).toBe('true');
      const other = await api('POST', '/v7/agents', { name: 'once_other', stratum: 'RTI', description: 'd' }, key);
      expect(other.body).toMatchObject({ status: 422, error_code: 'REQ_003' });
      expect((await api('GET', '/v7/agents/once_other')).status).toBe(404);
    });

    it('starts one run for a repeated key, and a repeat while the first runs is a 409', async () => {
      const key = { 'idempotency-key': `run-${suffix}` };
      const [a, b] = await Promise.all([
        api('POST', '/v7/agents/runner/run', { input: 'exactly once' }, key),
        api('POST', '/v7/agents/runner/run', { input: 'exactly once' }, key),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? a : b;
      const replay = await api('POST', '/v7/agents/runner/run', { input: 'exactly once' }, key);
      expect(replay.body).toEqual(winner.body);
      expect(replay.headers.get('x-tokens-used')).toBe(winner.headers.get('x-tokens-used'));
      const runs = await db.query(`SELECT count(*)::int AS n FROM planner.runs WHERE tenant_id = $1 AND state->'request'->>'input' = 'exactly once'`, [tenantId]);
      expect(runs.rows[0].n).toBe(1);
    });
  });

  describe('HTTP protection', () => {
    it('refuses an oversized body, a malformed one and a non-JSON one as problem details', async () => {
      const tooLarge = await api('POST', '/v7/agents/runner/run', JSON.stringify({ input: 'x'.repeat(1_100_000) }), { 'content-type': 'application/json' });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body).toMatchObject({ error_code: 'REQ_413', instance: '/v7/agents/runner/run' });
      const malformed = await api('POST', '/v7/agents', '{"name": ', { 'content-type': 'application/json' });
      expect(malformed.body).toMatchObject({ status: 400, error_code: 'REQ_400' });
      const text = await api('POST', '/v7/agents', 'name=x', { 'content-type': 'text/plain' });
      expect(text.body).toMatchObject({ status: 415, error_code: 'REQ_415' });
    });

    it('sets security headers and echoes or creates X-Request-ID', async () => {
      const response = await api('GET', '/v7/agents', undefined, { 'x-request-id': 'req-conventions-1' });
      expect(response.headers.get('x-request-id')).toBe('req-conventions-1');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers.get('vary')).toBe('Origin, Authorization, X-API-Key');
      const docsPage = await fetch(`${platform.gateway}/v7/docs`);
      expect(docsPage.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect((await api('GET', '/v7/agents')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('allows only configured origins', async () => {
      const preflight = (origin: string) =>
        fetch(`${platform.gateway}/v7/agents`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
      const allowed = await preflight(ALLOWED_ORIGIN);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(allowed.headers.get('access-control-allow-headers')).toContain('Authorization');
      const refused = await preflight('https://evil.example');
      expect(refused.status).toBe(204);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      const simple = await api('GET', '/v7/agents', undefined, { origin: ALLOWED_ORIGIN });
      expect(simple.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(simple.headers.get('access-control-expose-headers')).toContain('X-RateLimit-Remaining');
      const serverToServer = await api('GET', '/v7/agents');
      expect(serverToServer.headers.get('access-control-allow-credentials')).toBeNull();
    });
  });

  describe('health and metrics', () => {
    it('reports each dependency on /health and request metrics on /metrics', async () => {
      const health = await fetch(`${platform.gateway}/health`);
      const body = (await health.json()) as { status: string; checks: Record<string, { status: string }> };
      expect(health.headers.get('cache-control')).toBe('no-cache');
      expect(body.status).toBe('healthy');
      expect(Object.fromEntries(Object.entries(body.checks).map(([name, check]) => [name, check.status]))).toEqual({ database: 'ok', message_bus: 'ok', cache: 'ok' });
      const metrics = await (await fetch(`${platform.gateway}/metrics`)).text();
      expect(metrics).toMatch(/sigil_http_request_duration_seconds_count\{method="GET",route="\/v7\/agents\/:name",status="200"\} [1-9]/);
      expect(metrics).toContain('sigil_gateway_process_cpu_seconds_total');
    });
  });
});
