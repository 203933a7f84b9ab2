import { Queries } from '@sigil/catalog';
import { QueryClient } from '@sigil/messaging';
import { migrateServiceDatabase } from '@sigil/persistence';
import { bootService, serviceMigrations, settingsFromEnv, type StartedService } from '@sigil/service-kit';
import { eventually, isTestProcessRunning, killTestProcess, startTestProcess, testInfrastructure } from '@sigil/testing';
import { SignJWT } from 'jose';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { gatewayService } from '../gateway.service';
import { IdempotencyStore } from '../idempotency/idempotency-store';

/** The memory service runs as a process from the build (an app cannot import another app); `./sigil test` builds first. */
const MEMORY_BUILD = path.resolve('dist/apps/memory/src');
const RUN = randomUUID().slice(0, 8);
const TENANT = `gw-memory-a-${RUN}`;
const OTHER_TENANT = `gw-memory-b-${RUN}`;
const MEMORY_PROCESS = `gateway-memory-api-${RUN}`;
const JWT_SECRET = 'memory-api-test-secret-0123456789abcdef';
const JWT_ISSUER = 'sigil-memory-api-test';
const SESSION = `sess-${RUN}`;
const SUBJECT = `ada-${RUN}@example.com`;
const ADA = 'Ada prefers green tea in the morning. Ada works as an engineer at Analytical Engines. What time is it?';

interface ApiResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}
type Api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiResponse>;
type Violation = { field: string; message: string };
type Hit = { item: Record<string, unknown>; score: number; category: string; source_resource_id: string | null };

const token = (tenantId: string, scope: string, subject = 'memory-tester') =>
  new SignJWT({ tenant_id: tenantId, scope, tier: 'enterprise' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setAudience('sigil-api')
    .setIssuer(JWT_ISSUER)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(JWT_SECRET));

const ROUTES: [string, string, unknown?][] = [
  ['POST', '/v7/memory/resources', { resource_type: 'document', content: 'x' }],
  ['GET', `/v7/memory/resources/${randomUUID()}`],
  ['POST', '/v7/memory/search', { query: 'tea' }],
  ['GET', '/v7/memory/categories'],
  ['GET', '/v7/memory/categories/preferences'],
  ['DELETE', `/v7/memory/sessions/${SESSION}-none`],
  ['DELETE', `/v7/memory/subjects/nobody-${RUN}`],
];

describe('the memory API: the gateway against the memory service', () => {
  let gateway: StartedService;
  let dataSource: DataSource;
  let anonymous: Api;
  let api: Api;
  let reader: Api;
  let writer: Api;
  let admin: Api;
  let other: Api;

  const apiAs = (credentials: Record<string, string>): Api => async (method, route, body, headers = {}) => {
    const response = await fetch(`${gateway.url}${route}`, {
      method,
      headers: { ...credentials, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const bearer = async (tenantId: string, scope: string, subject?: string) => apiAs({ authorization: `Bearer ${await token(tenantId, scope, subject)}` });

  const store = (as: Api, resource: Record<string, unknown>, headers?: Record<string, string>) => as('POST', '/v7/memory/resources', resource, headers);
  const search = async (as: Api, request: Record<string, unknown>) => {
    const response = await as('POST', '/v7/memory/search', request);
    expect([response.status, response.body.error_code]).toEqual([200, undefined]);
    return { results: response.body.results as Hit[], modeUsed: response.body.mode_used };
  };
  /** The resource once its facts are extracted. */
  const extracted = (id: string) =>
    eventually(async () => {
      const response = await api('GET', `/v7/memory/resources/${id}`);
      expect([response.status, response.body.extraction_status]).toEqual([200, 'extracted']);
      return response.body;
    }, 30_000);

  beforeAll(async () => {
    const infrastructure = testInfrastructure();
    if (!existsSync(path.join(MEMORY_BUILD, 'main.js'))) throw new Error(`${MEMORY_BUILD}/main.js is missing: build first (node tools/build/build.mjs)`);
    await migrateServiceDatabase({ url: infrastructure.databaseUrl, schema: gatewayService.schema, migrations: serviceMigrations(gatewayService) });
    Object.assign(process.env, { SIGIL_JWT_SECRET: JWT_SECRET, SIGIL_JWT_ISSUER: JWT_ISSUER, SIGIL_LOG_LEVEL: 'warn' });
    gateway = await bootService(gatewayService, { ...settingsFromEnv(gatewayService.name, 0), ...infrastructure, httpPort: 0 });
    dataSource = gateway.app.get(DataSource);

    const env = {
      ...process.env,
      NATS_URL: infrastructure.natsUrl,
      DATABASE_URL: infrastructure.databaseUrl,
      REDIS_URL: infrastructure.redisUrl,
      SIGIL_MEMORY_PORT: '0',
      // The deterministic local model extracts and consolidates; a short delay keeps the test short.
      ANTHROPIC_API_KEY: '',
      SIGIL_MEMORY_CONSOLIDATION_DELAY_MS: '200',
    };
    const migrated = spawnSync(process.execPath, [path.join(MEMORY_BUILD, 'migrate.js')], { env, encoding: 'utf8' });
    if (migrated.status !== 0) throw new Error(`memory migrations failed:\n${migrated.stdout}${migrated.stderr}`);
    startTestProcess(MEMORY_PROCESS, path.join(MEMORY_BUILD, 'main.js'), env);
    // Up once memory answers its queries (it loads its vector index first); asked on the bus, not through the API, which would log each 503.
    const queries = gateway.app.get(QueryClient);
    await eventually(() => queries.request(Queries.ListCategories, { page: 1, perPage: 1 }, { tenantId: TENANT }), 60_000, 250);

    anonymous = apiAs({});
    api = await bearer(TENANT, 'memory:read memory:write');
    reader = await bearer(TENANT, 'memory:read agents:read');
    writer = await bearer(TENANT, 'memory:write agents:write');
    admin = await bearer(TENANT, 'admin');
    other = await bearer(OTHER_TENANT, 'memory:read memory:write');
  }, 120_000);

  afterAll(async () => {
    // The database is shared by every test file; items go with their resources.
    for (const table of ['resources', 'memory_items', 'categories', 'erasures']) {
      await dataSource?.query(`DELETE FROM memory.${table} WHERE tenant_id = ANY($1)`, [[TENANT, OTHER_TENANT]]);
    }
    if (isTestProcessRunning(MEMORY_PROCESS)) await killTestProcess(MEMORY_PROCESS, 'SIGTERM');
    await gateway?.app.close();
  });

  describe('access', () => {
    it('answers 401 without credentials on every memory route', async () => {
      for (const [method, route, body] of ROUTES) {
        const response = await anonymous(method, route, body);
        expect([method, route, response.status, response.body.error_code]).toEqual([method, route, 401, 'AUTH_001']);
      }
    });

    it('answers 403 naming the scope: memory:write to store and erase a session, memory:read to read and search, admin to erase a subject', async () => {
      const refusals = [
        [reader, ROUTES[0], 'memory:write'],
        [reader, ROUTES[5], 'memory:write'],
        [writer, ROUTES[1], 'memory:read'],
        [writer, ROUTES[2], 'memory:read'],
        [writer, ROUTES[3], 'memory:read'],
        [writer, ROUTES[4], 'memory:read'],
        [api, ROUTES[6], 'admin'],
      ] as const;
      for (const [as, [method, route, body], scope] of refusals) {
        const response = await as(method, route, body);
        expect([method, route, response.status, response.body.error_code, response.body.detail]).toEqual([method, route, 403, 'AUTH_005', `Missing required scopes: ${scope}`]);
      }
    });

    it('lets admin through every route, and counts every call against the rate limits', async () => {
      for (const [method, route, body] of ROUTES) {
        const response = await admin(method, route, body);
        expect([method, route, [401, 403].includes(response.status), response.headers.get('x-ratelimit-limit')]).toEqual([method, route, false, expect.any(String)]);
      }
    });
  });

  describe('validation', () => {
    it('refuses a resource body with every violation listed, unknown fields included, before memory is asked', async () => {
      const response = await api('POST', '/v7/memory/resources', { resource_type: 'email', content: ' ', metadata: [1], session_id: 'a b', tenant_id: OTHER_TENANT });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({ error_code: 'REQ_001', instance: '/v7/memory/resources' });
      expect((response.body.validation_errors as Violation[]).map((violation) => violation.field).sort()).toEqual(['content', 'metadata', 'resource_type', 'session_id', 'tenant_id']);
    });

    it('refuses a search body naming nested filters by their path', async () => {
      const response = await api('POST', '/v7/memory/search', {
        query: 'tea',
        mode: 'vector',
        k: 0,
        filters: { category: 'Preferences', created_after: '2026-02-01T00:00:00Z', created_before: '2026-01-01T00:00:00Z' },
      });
      expect([response.status, response.body.error_code]).toEqual([400, 'REQ_001']);
      expect(response.body.validation_errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'mode' }),
          expect.objectContaining({ field: 'k' }),
          expect.objectContaining({ field: 'filters.category' }),
          { field: 'filters.created_before', message: 'created_before must be later than created_after' },
        ]),
      );
    });

    it('refuses malformed path parameters and unknown or out-of-range query parameters, naming them', async () => {
      const cases: [string, string, string][] = [
        ['GET', '/v7/memory/resources/not-a-uuid', 'id'],
        ['GET', '/v7/memory/categories/Not%20A%20Name', 'name'],
        ['DELETE', '/v7/memory/sessions/a.b', 'id'],
        ['GET', '/v7/memory/categories?per_page=101', 'per_page'],
        ['GET', '/v7/memory/categories?colour=red', 'colour'],
      ];
      for (const [method, route, field] of cases) {
        const as = method === 'DELETE' ? admin : api;
        const response = await as(method, route);
        expect([route, response.status, response.body.error_code, (response.body.validation_errors as Violation[]).map((violation) => violation.field)]).toEqual([route, 400, 'REQ_001', [field]]);
      }
    });
  });

  describe('resources, extraction and search', () => {
    let adaId: string;

    beforeAll(async () => {
      const stored = await store(api, { resource_type: 'document', content: ADA, metadata: { source: 'crm', tags: ['vip'] }, session_id: SESSION, subject_id: SUBJECT });
      expect(stored.status).toBe(202);
      adaId = stored.body.id as string;
    });

    it('stores a resource: 202 with the resource as stored, pending or already extracted, and its Location', async () => {
      const stored = await store(api, { resource_type: 'transcript', content: 'Grace decided to ship the compiler on Friday.', session_id: `${SESSION}-2` });
      expect(stored.status).toBe(202);
      expect(stored.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        resource_type: 'transcript',
        content: 'Grace decided to ship the compiler on Friday.',
        metadata: {},
        session_id: `${SESSION}-2`,
        subject_id: null,
        run_id: null,
        extraction_status: expect.stringMatching(/^(pending|extracted)$/),
        item_ids: expect.any(Array),
        created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
      expect(stored.headers.get('location')).toBe(`/v7/memory/resources/${stored.body.id}`);
      expect(stored.headers.get('x-ratelimit-remaining')).toEqual(expect.any(String));
    });

    it('extracts the facts of a resource into items, which search finds with their score, category and source resource', async () => {
      const resource = await extracted(adaId);
      expect(resource).toMatchObject({ content: ADA, metadata: { source: 'crm', tags: ['vip'] }, session_id: SESSION, subject_id: SUBJECT });
      // Two statements; the question is no fact.
      expect(resource.item_ids).toHaveLength(2);
      const { results, modeUsed } = await eventually(async () => {
        const found = await search(api, { query: 'green tea', mode: 'rag', k: 5 });
        expect(found.results[0]?.item.content).toBe('Ada prefers green tea in the morning.');
        return found;
      });
      expect(modeUsed).toBe('rag');
      expect(results[0]).toEqual({
        item: {
          id: expect.any(String),
          content: 'Ada prefers green tea in the morning.',
          confidence: expect.any(Number),
          session_id: SESSION,
          created_at: expect.any(String),
          looks_like_instructions: false,
        },
        score: expect.any(Number),
        category: 'preferences',
        source_resource_id: adaId,
      });
      expect(resource.item_ids).toContain(results[0].item.id);
      expect(results[0].score).toBeGreaterThan(0);
      expect(results[0].score).toBeLessThanOrEqual(1);
    });

    it('narrows a search by session, category and creation time, and answers llm searches as llm', async () => {
      await extracted(adaId);
      const inSession = await search(api, { query: 'engineer', mode: 'rag', filters: { session_id: SESSION, category: 'profile' } });
      expect(inSession.results.map((hit) => [hit.item.content, hit.category])).toEqual([['Ada works as an engineer at Analytical Engines.', 'profile']]);
      expect((await search(api, { query: 'engineer', mode: 'rag', filters: { session_id: `${SESSION}-elsewhere` } })).results).toEqual([]);
      const later = new Date(Date.now() + 3_600_000).toISOString();
      expect((await search(api, { query: 'engineer', mode: 'rag', filters: { created_after: later } })).results).toEqual([]);
      const llm = await search(api, { query: 'green tea', mode: 'llm', filters: { session_id: SESSION, category: 'preferences' } });
      expect([llm.modeUsed, llm.results.map((hit) => [hit.item.content, hit.source_resource_id])]).toEqual(['llm', [['Ada prefers green tea in the morning.', adaId]]]);
    });

    it('answers 404 MEM_404 for a resource or a category the tenant does not have', async () => {
      const missingId = randomUUID();
      const resource = await api('GET', `/v7/memory/resources/${missingId}`);
      expect([resource.status, resource.body.error_code, resource.body.detail]).toEqual([404, 'MEM_404', `Resource '${missingId}' not found`]);
      const category = await api('GET', '/v7/memory/categories/no_such_category');
      expect([category.status, category.body.error_code, category.body.detail]).toEqual([404, 'MEM_404', "Category 'no_such_category' not found"]);
    });

    it('lists the categories with totals and pages, and reads one with its consolidated summary', async () => {
      await extracted(adaId);
      const preferences = await eventually(async () => {
        const response = await api('GET', '/v7/memory/categories/preferences');
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ consolidation_pending: false, item_count: 1, summary_markdown: expect.stringContaining('green tea') });
        return response;
      }, 30_000);
      expect(preferences.body).toEqual({
        name: 'preferences',
        summary_markdown: expect.any(String),
        item_count: 1,
        last_consolidated_at: expect.any(String),
        consolidation_pending: false,
        updated_at: expect.any(String),
      });
      expect(preferences.headers.get('cache-control')).toBe('private, max-age=10');
      const firstPage = await api('GET', '/v7/memory/categories?page=1&per_page=1');
      expect(firstPage.status).toBe(200);
      expect((firstPage.body.categories as unknown[]).length).toBe(1);
      expect(firstPage.body.categories).toEqual([expect.not.objectContaining({ summary_markdown: expect.anything() })]);
      const { total } = firstPage.body.pagination as { total: number };
      expect(total).toBeGreaterThanOrEqual(2);
      expect(firstPage.body.pagination).toEqual({ page: 1, per_page: 1, total, total_pages: total });
      const all = await api('GET', '/v7/memory/categories?per_page=100');
      expect((all.body.categories as { name: string }[]).map((category) => category.name)).toEqual(expect.arrayContaining(['preferences', 'profile']));
    });

    it('stores a resource once per Idempotency-Key: a repeat is replayed, another body refused, and a lost record still stores nothing twice', async () => {
      const key = `memory-key-${RUN}`;
      const resource = { resource_type: 'config', content: 'The default region is eu-west-1.', session_id: `${SESSION}-keys` };
      const first = await store(api, resource, { 'idempotency-key': key });
      const repeat = await store(api, resource, { 'idempotency-key': key });
      expect([first.status, repeat.status, repeat.headers.get('idempotent-replayed'), repeat.body.id]).toEqual([202, 202, 'true', first.body.id]);
      const changed = await store(api, { ...resource, content: 'The default region is us-east-1.' }, { 'idempotency-key': key });
      expect([changed.status, changed.body.error_code]).toEqual([422, 'REQ_003']);
      // The gateway's record of the key lapses or is lost: memory's own key still stores the resource once.
      await gateway.app.get(IdempotencyStore).release(`idempotency:${TENANT}:memory-tester:${key}`);
      const afterLoss = await store(api, resource, { 'idempotency-key': key });
      expect([afterLoss.status, afterLoss.headers.get('idempotent-replayed'), afterLoss.body.id]).toEqual([202, null, first.body.id]);
      const rows = await dataSource.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM memory.resources WHERE tenant_id = $1 AND session_id = $2`, [TENANT, `${SESSION}-keys`]);
      expect(rows[0].count).toBe(1);
    });

    it('keeps tenants apart: another tenant can neither read, find, list nor erase the memory', async () => {
      await extracted(adaId);
      const read = await other('GET', `/v7/memory/resources/${adaId}`);
      expect([read.status, read.body.error_code]).toEqual([404, 'MEM_404']);
      expect((await search(other, { query: 'green tea', mode: 'rag' })).results).toEqual([]);
      expect((await search(other, { query: 'green tea', mode: 'llm' })).results).toEqual([]);
      const listed = await other('GET', '/v7/memory/categories');
      expect([listed.body.categories, (listed.body.pagination as { total: number }).total]).toEqual([[], 0]);
      expect((await other('GET', '/v7/memory/categories/preferences')).status).toBe(404);
      const erased = await other('DELETE', `/v7/memory/sessions/${SESSION}`);
      expect([erased.status, erased.body.resources_erased, erased.body.items_erased]).toEqual([200, 0, 0]);
      expect((await api('GET', `/v7/memory/resources/${adaId}`)).status).toBe(200);
    });
  });

  describe('erasure', () => {
    it('erases a session: its resources and their items are gone, the record counts them and names the categories rebuilt', async () => {
      const session = `${SESSION}-erased`;
      const stored = await store(api, { resource_type: 'conversation', content: 'User: I love hiking in the Alps.\n\nAssistant: Noted.', session_id: session });
      const resource = await extracted(stored.body.id as string);
      await eventually(async () => expect((await search(api, { query: 'hiking Alps', mode: 'rag', filters: { session_id: session } })).results).not.toEqual([]));
      const erased = await api('DELETE', `/v7/memory/sessions/${session}`);
      expect(erased.status).toBe(200);
      expect(erased.body).toEqual({
        erasure_id: expect.any(String),
        scope: 'session',
        scope_id: session,
        resources_erased: 1,
        items_erased: (resource.item_ids as string[]).length,
        categories_rebuilt: ['preferences'],
      });
      expect((await api('GET', `/v7/memory/resources/${stored.body.id}`)).status).toBe(404);
      expect((await search(api, { query: 'hiking Alps', mode: 'rag', filters: { session_id: session } })).results).toEqual([]);
    });

    it('erases everything about a subject across sessions, for an administrator', async () => {
      const subject = `grace-${RUN}`;
      const ids = [];
      for (const session of [`${SESSION}-g1`, `${SESSION}-g2`]) {
        ids.push((await store(api, { resource_type: 'document', content: 'Grace plans to visit Lisbon in May.', session_id: session, subject_id: subject })).body.id as string);
      }
      for (const id of ids) await extracted(id);
      const erased = await admin('DELETE', `/v7/memory/subjects/${encodeURIComponent(subject)}`);
      expect([erased.status, erased.body.scope, erased.body.scope_id, erased.body.resources_erased]).toEqual([200, 'subject', subject, 2]);
      for (const id of ids) expect((await api('GET', `/v7/memory/resources/${id}`)).status).toBe(404);
    });
  });

  it('answers 503 SYS_003 when the memory service does not answer', async () => {
    await killTestProcess(MEMORY_PROCESS);
    const response = await api('GET', '/v7/memory/categories');
    expect([response.status, response.body.error_code, response.body.detail]).toEqual([503, 'SYS_003', 'The memory service did not answer in time']);
  });
});
