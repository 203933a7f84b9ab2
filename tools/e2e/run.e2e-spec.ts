import { PLATFORM_SERVICES } from '@sigil/local-stack';
import { eventually, testInfrastructure } from '@sigil/testing';
import pg from 'pg';
import { ALL_SCOPES } from '@sigil/local-stack';
import { apiAt, bearer, E2E_AUTH_ENV, type Api } from './api-client';
import { startPlatform, type RunningPlatform } from './platform';

const TENANT = 'tenant-e2e';

interface RunBody {
  run_id: string;
  session_id: string;
  status: string;
  response: string | null;
  metadata: { tokens_used: { input_tokens: number; output_tokens: number; total_tokens: number }; model_used: string; latency_ms: number; request_id: string };
}

describe('one run end to end, every hop over JetStream, eight services as processes', () => {
  let platform: RunningPlatform;
  let db: pg.Client;

  let api: Api;
  const runIds: string[] = [];

  beforeAll(async () => {
    platform = await startPlatform(E2E_AUTH_ENV);
    api = apiAt(platform.gateway, await bearer(TENANT, ALL_SCOPES, { tier: 'enterprise' }));
    db = new pg.Client({ connectionString: testInfrastructure().databaseUrl });
    await db.connect();
    const created = await api('POST', '/v7/agents', { name: 'helper', stratum: 'RTI', description: 'answers questions', system_prompt: 'Be brief.' });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await db?.end();
    await platform?.stop();
  });

  it('has every service live and ready, with NATS, PostgreSQL and Redis reachable', async () => {
    for (const { name } of PLATFORM_SERVICES) {
      const live = await fetch(`${platform.urls[name]}/healthz`);
      expect([name, live.status]).toEqual([name, 200]);
      const ready = await fetch(`${platform.urls[name]}/readyz`);
      const body = (await ready.json()) as { checks: Record<string, { status: string }> };
      expect([name, ready.status]).toEqual([name, 200]);
      expect(Object.fromEntries(Object.entries(body.checks).map(([check, result]) => [check, result.status]))).toEqual({ nats: 'ok', postgres: 'ok', redis: 'ok' });
    }
  });

  it('runs an agent through router, contracts, planner, reasoning and verification, and reads the run back', async () => {
    const run = await api('POST', '/v7/agents/helper/run', { input: 'What is a message bus?' }, { 'x-request-id': 'req-e2e-1' });
    expect(run.status).toBe(200);
    expect(run.headers.get('x-request-id')).toBe('req-e2e-1');
    const body = run.body as unknown as RunBody;
    runIds.push(body.run_id);
    // The instructions are the agent's system prompt and the rule that fenced text is data (the task is fenced).
    expect(body).toMatchObject({ status: 'completed', response: 'Answering as instructed (39 tokens of instructions): What is a message bus?' });
    expect(body.metadata).toMatchObject({ model_used: 'sigil-local-deterministic', request_id: 'req-e2e-1' });
    const tokens = body.metadata.tokens_used;
    expect(tokens.input_tokens).toBeGreaterThan(0);
    expect(tokens.output_tokens).toBeGreaterThan(0);
    expect(tokens.total_tokens).toBe(tokens.input_tokens + tokens.output_tokens);
    expect(body.metadata.latency_ms).toBeGreaterThan(0);

    const again = await api('GET', `/v7/runs/${body.run_id}`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(run.body);
  });

  it('stores every event of the run in order and returns them with decoded payloads', async () => {
    const run = (await api('POST', '/v7/agents/helper/run', { input: 'hello', session_id: 'session-e2e' })).body as unknown as RunBody;
    runIds.push(run.run_id);
    // Memory recalls for every run alongside routing, and general_chat is memory-relevant, so the planner waits for it.
    // Contracts are off for this route and the request names none: the route is the record of that, so
    // nothing is selected, and the planner asks for no verdict: it judges the answer itself.
    const expected = [
      'sigil.run.v1.requested',
      'sigil.routing.v1.decided',
      'sigil.memory.v1.recalled',
      'sigil.reasoning.v1.step_requested',
      'sigil.reasoning.v1.step_completed',
      'sigil.run.v1.completed',
      // The exchange becomes a conversation resource, and the facts extracted from it vectors.
      'sigil.memory.v1.resource_stored',
      'sigil.memory.v1.vectors_changed',
    ];
    const listing = await eventually(async () => {
      const page = await api('GET', '/v7/sessions/session-e2e/events');
      expect((page.body.events as unknown[]).length).toBe(expected.length);
      return page.body as { events: { type: string; subject: string; time: string; sequence: number; payload: Record<string, unknown> }[]; pagination: unknown };
    });
    const types = listing.events.map((event) => event.type);
    expect([...types].sort()).toEqual([...expected].sort());
    const position = (type: string) => types.indexOf(type);
    // Recall answers the request in its own time; the rest is one causal chain.
    const causalChain = expected.filter((type) => type !== 'sigil.memory.v1.recalled');
    expect(causalChain.map(position)).toEqual([...causalChain.map(position)].sort((a, b) => a - b));
    expect(position('sigil.memory.v1.recalled')).toBeLessThan(position('sigil.reasoning.v1.step_requested'));
    expect(listing.events.map((event) => event.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(listing.pagination).toEqual({ page: 1, per_page: 20, total: 8, total_pages: 1 });
    for (const event of listing.events) {
      expect(event.subject).toBe(event.type);
      // A vector change is about items, whichever run they came from.
      if (event.type !== 'sigil.memory.v1.vectors_changed') expect(event.payload.runId).toBe(run.run_id);
      expect(Number.isNaN(Date.parse(event.time))).toBe(false);
    }
    const times = listing.events.map((event) => Date.parse(event.time));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const payloadOf = (type: string) => listing.events.find((event) => event.type === type)?.payload;
    expect(payloadOf('sigil.routing.v1.decided')).toMatchObject({ intent: 'general_chat', strategy: 'direct', stratum: 'RTI' });
    expect(payloadOf('sigil.run.v1.completed')).toMatchObject({ input: 'hello', response: run.response, modelUsed: 'sigil-local-deterministic' });
    expect(payloadOf('sigil.memory.v1.resource_stored')).toMatchObject({ resourceType: 'conversation', sessionId: 'session-e2e' });

    const pageTwo = await api('GET', '/v7/sessions/session-e2e/events?page=2&per_page=3');
    expect((pageTwo.body.events as { sequence: number }[]).map((event) => event.sequence)).toEqual([4, 5, 6]);
  });

  it('answers an async run with 202 and reports it once done', async () => {
    const accepted = await api('POST', '/v7/agents/helper/run', { input: 'later please', async: true });
    expect(accepted.status).toBe(202);
    const runId = accepted.body.run_id as string;
    runIds.push(runId);
    expect(accepted.headers.get('location')).toBe(`/v7/operations/${runId}`);
    // Polled at once, before the planner may have stored it, the run is known (accepted), never a 404.
    const [run, operation] = await Promise.all([api('GET', `/v7/runs/${runId}`), api('GET', `/v7/operations/${runId}`)]);
    expect([run.status, operation.status]).toEqual([200, 200]);
    const done = await eventually(async () => {
      const current = await api('GET', `/v7/runs/${runId}`);
      expect(current.body.status).toBe('completed');
      return current.body as unknown as RunBody;
    });
    expect(done.response).toContain('later please');
  });

  it('keeps every row of its runs under the tenant of the token', async () => {
    const tenantsOf = async (table: string) =>
      (await db.query(`SELECT DISTINCT tenant_id FROM ${table} WHERE run_id = ANY($1)`, [runIds])).rows.map((row) => row.tenant_id);
    expect(runIds).toHaveLength(3);
    expect(await tenantsOf('planner.runs')).toEqual([TENANT]);
    // Their routes switched contracts off, so no selection was stored (contracts' own int tests keep its rows per tenant).
    expect(await tenantsOf('contracts.run_contracts')).toEqual([]);
    expect(await tenantsOf('event_store.events')).toEqual([TENANT]);
    expect((await db.query(`SELECT DISTINCT tenant_id FROM evolution.agents WHERE name = 'helper' AND tenant_id = $1`, [TENANT])).rowCount).toBe(1);
  });

  it('rejects bad input with problem details and starts nothing', async () => {
    const before = Number((await db.query('SELECT count(*) FROM planner.runs')).rows[0].count);
    const invalid = await api('POST', '/v7/agents/helper/run', { input: '', extra: true });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');
    expect(invalid.body).toMatchObject({ status: 400, error_code: 'REQ_001', instance: '/v7/agents/helper/run' });
    expect((invalid.body.validation_errors as { field: string }[]).map((violation) => violation.field).sort()).toEqual(['extra', 'input']);

    const unknown = await api('POST', '/v7/agents/nobody/run', { input: 'hi' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error_code: 'AGT_001', title: 'AgentNotFoundError' });

    const duplicate = await api('POST', '/v7/agents', { name: 'helper', stratum: 'RTI', description: 'again' });
    expect(duplicate.status).toBe(409);
    expect(Number((await db.query('SELECT count(*) FROM planner.runs')).rows[0].count)).toBe(before);
  });
});
