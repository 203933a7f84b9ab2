import type { NatsConnection } from '@nats-io/nats-core';
import { ALL_LIVE_TOKENS_SUBJECT, decodeTokenChunk } from '@sigil/catalog';
import { ALL_SCOPES } from '@sigil/local-stack';
import { connectToNats } from '@sigil/messaging';
import { eventually, testInfrastructure } from '@sigil/testing';
import pg from 'pg';
import { apiAt, bearer, E2E_AUTH_ENV, type Api } from './api-client';
import { startPlatform, type RunningPlatform } from './platform';

const TENANT = 'tenant-plans';
/** Every model call of the local provider takes this long, so runs are long enough to cancel, time out and crash in. */
const MODEL_LATENCY_MS = 150;
/** Words that make the router see complex, planned work (complexity > 0.5). */
const COMPLEX = 'Plan the market entry strategy: analyze revenue risk, compare competitor pricing and query the sales database.';

interface SessionEvent {
  type: string;
  time: string;
  payload: Record<string, unknown>;
}

interface RunStep {
  id: string;
  title: string;
  status: string;
  output: string | null;
  error: string | null;
}

describe('planned runs: DAG plans in parallel, tools, budgets, cancel, deadlines, streaming and a planner crash', () => {
  let platform: RunningPlatform;
  let api: Api;
  let db: pg.Client;
  let nats: NatsConnection;

  const sessionEvents = async (sessionId: string): Promise<SessionEvent[]> => {
    const events: SessionEvent[] = [];
    for (let page = 1; ; page++) {
      const batch = (await api('GET', `/v7/sessions/${sessionId}/events?per_page=100&page=${page}`)).body.events as SessionEvent[];
      events.push(...batch);
      if (batch.length < 100) return events;
    }
  };
  /** The event-store stores what crosses the bus a moment after it crossed: a finished run's last events may still be on their way. */
  const sessionEventsThrough = (sessionId: string, lastType: string): Promise<SessionEvent[]> =>
    eventually(async () => {
      const events = await sessionEvents(sessionId);
      expect(events.map((event) => event.type)).toContain(lastType);
      return events;
    });
  const planStepOf = (event: SessionEvent) => String(event.payload.stepId).split(':').at(-2);
  const at = (event: SessionEvent) => Date.parse(event.time);

  beforeAll(async () => {
    platform = await startPlatform({ ...E2E_AUTH_ENV, SIGIL_LOCAL_LLM_LATENCY_MS: String(MODEL_LATENCY_MS) });
    api = apiAt(platform.gateway, await bearer(TENANT, ALL_SCOPES, { tier: 'enterprise' }));
    db = new pg.Client({ connectionString: testInfrastructure().databaseUrl });
    await db.connect();
    nats = await connectToNats(testInfrastructure().natsUrl, 'planned-runs-e2e');
    expect((await api('POST', '/v7/agents', { name: 'planner_agent', stratum: 'RTI', description: 'plans its work' })).status).toBe(201);
  });

  afterAll(async () => {
    await nats?.close();
    await db?.end();
    await platform?.stop();
  });

  it('plans a complex goal as a DAG, dispatches independent steps at once and dependents after, and reports every step', async () => {
    const goal = `${COMPLEX}\n1. Size the market\n2. List competitors\n3. Price points\n4. Risks (after 1, 2)\n5. Recommendation (after 3, 4)`;
    const run = await api('POST', '/v7/agents/planner_agent/run', { input: goal, session_id: 'dag-session', timeout_ms: 60_000 });
    expect(run.status).toBe(200);
    expect(run.body.status).toBe('completed');
    const steps = run.body.steps as RunStep[];
    expect(steps.map((step) => [step.id, step.status])).toEqual([
      ['s1', 'completed'],
      ['s2', 'completed'],
      ['s3', 'completed'],
      ['s4', 'completed'],
      ['s5', 'completed'],
    ]);

    const events = await sessionEventsThrough('dag-session', 'sigil.run.v1.completed');
    const plan = events.find((event) => event.type === 'sigil.run.v1.plan_created');
    expect((plan?.payload.plan as { steps: { stepId: string; dependsOn?: string[] }[] }).steps.map((step) => [step.stepId, step.dependsOn ?? []])).toEqual([
      ['s1', []],
      ['s2', []],
      ['s3', []],
      ['s4', ['s1', 's2']],
      ['s5', ['s3', 's4']],
    ]);
    const requested = (id: string) => events.find((event) => event.type === 'sigil.reasoning.v1.step_requested' && planStepOf(event) === id) as SessionEvent;
    const completed = (id: string) => events.find((event) => event.type === 'sigil.reasoning.v1.step_completed' && planStepOf(event) === id) as SessionEvent;
    const firstResult = Math.min(...['s1', 's2', 's3'].map((id) => at(completed(id))));
    // Independent steps went out together, before any of them had finished.
    for (const id of ['s1', 's2', 's3']) expect(at(requested(id))).toBeLessThanOrEqual(firstResult);
    expect(at(requested('s4'))).toBeGreaterThanOrEqual(Math.max(at(completed('s1')), at(completed('s2'))));
    expect(at(requested('s5'))).toBeGreaterThanOrEqual(Math.max(at(completed('s3')), at(completed('s4'))));
    // Each step's context fences what came from elsewhere: the task, and its dependencies' outputs.
    expect(String(requested('s4').payload.prompt)).toContain('<untrusted_data source="plan_state">');
    expect(String(requested('s4').payload.prompt)).toContain('<untrusted_data source="user">');

    const inspected = await api('GET', `/v7/runs/${String(run.body.run_id)}`);
    expect((inspected.body.steps as RunStep[]).map((step) => step.id)).toEqual(['s1', 's2', 's3', 's4', 's5']);
  });

  it('runs memory steps through the bus: what one step stores, the next step finds, and it is stored once', async () => {
    const goal = `${COMPLEX}\n1. Remember that the launch code name is Bluebird\n2. Search memory for launch code name (after 1)\n3. Write the briefing using the code name (after 2)`;
    const run = await api('POST', '/v7/agents/planner_agent/run', { input: goal, session_id: 'memory-session', timeout_ms: 60_000 });
    expect(run.body.status).toBe('completed');
    const steps = run.body.steps as RunStep[];
    expect(steps.find((step) => step.id === 's2')?.output).toContain('Bluebird');
    const stored = await db.query(`SELECT count(*)::int AS n FROM memory.memory_items WHERE tenant_id = $1 AND content LIKE '%Bluebird%'`, [TENANT]);
    expect(stored.rows[0].n).toBe(1);
  });

  it('streams the model text of a run on core NATS, in order, ending each step with a done chunk', async () => {
    const chunks: { runId: string; stepId: string; sequence: number; text: string; done: boolean }[] = [];
    const subscription = nats.subscribe(ALL_LIVE_TOKENS_SUBJECT, {
      callback: (_error, msg) => {
        const chunk = decodeTokenChunk(msg.data);
        chunks.push({ runId: chunk.runId, stepId: chunk.stepId, sequence: Number(chunk.sequence), text: chunk.text, done: chunk.done });
      },
    });
    await nats.flush();
    const run = await api('POST', '/v7/agents/planner_agent/run', { input: 'Tell me about message buses', session_id: 'stream-session' });
    subscription.unsubscribe();
    expect(run.body.status).toBe('completed');
    const mine = chunks.filter((chunk) => chunk.runId === run.body.run_id);
    expect(mine.length).toBeGreaterThan(1);
    expect(mine.map((chunk) => chunk.sequence)).toEqual(mine.map((_, index) => index));
    expect(mine.filter((chunk) => chunk.done)).toHaveLength(1);
    expect(mine.at(-1)?.done).toBe(true);
    expect(mine.map((chunk) => chunk.text).join('')).toContain(String(run.body.response));
  });

  it('stops a run at its token budget before the call that would exceed it, and warns at 80%', async () => {
    const goal = `${COMPLEX}\n1. Size the market\n2. List competitors\n3. Price points\n4. Risks (after 1, 2)\n5. Recommendation (after 3, 4)`;
    const run = await api('POST', '/v7/agents/planner_agent/run', { input: goal, session_id: 'budget-session', config: { max_total_tokens: 3_000 }, timeout_ms: 60_000 });
    expect(run.status).toBe(422);
    expect(run.body).toMatchObject({ error_code: 'CTX_003' });
    const events = await eventually(async () => {
      const found = await sessionEvents('budget-session');
      expect(found.some((event) => event.type === 'sigil.run.v1.failed')).toBe(true);
      return found;
    });
    const failed = events.find((event) => event.type === 'sigil.run.v1.failed') as SessionEvent;
    expect(failed.payload.errorCode).toBe('CTX_003');
    const used = Number((failed.payload.tokensUsed as { totalTokens?: string } | undefined)?.totalTokens ?? 0);
    // Some steps ran before the budget stopped the run, and together they stayed within it.
    expect(used).toBeGreaterThan(0);
    expect(used).toBeLessThanOrEqual(3_000);
    expect(events.some((event) => event.type === 'sigil.reasoning.v1.step_completed')).toBe(true);
    // The warning is published once, by the call that first took the run to 80% (2,400 tokens).
    expect(events.filter((event) => event.type === 'sigil.run.v1.budget_warning')).toHaveLength(used >= 2_400 ? 1 : 0);
  });

  it('cancels a run on request: dispatching stops, finished steps are kept, and the run says cancelled', async () => {
    const goal = `${COMPLEX}\n1. Size the market\n2. Trend (after 1)\n3. Risks (after 2)\n4. Pricing (after 3)\n5. Recommendation (after 4)`;
    const accepted = await api('POST', '/v7/agents/planner_agent/run', { input: goal, session_id: 'cancel-session', async: true });
    expect(accepted.status).toBe(202);
    const runId = String(accepted.body.run_id);
    await eventually(async () => {
      const events = await sessionEvents('cancel-session');
      expect(events.some((event) => event.type === 'sigil.reasoning.v1.step_completed' && planStepOf(event) === 's1')).toBe(true);
    });
    const cancel = await api('POST', `/v7/runs/${runId}/cancel`, { reason: 'changed my mind' });
    expect(cancel.status).toBe(202);
    const cancelled = await eventually(async () => {
      const current = await api('GET', `/v7/runs/${runId}`);
      expect(current.body.status).toBe('cancelled');
      return current.body;
    });
    expect(cancelled.error).toMatchObject({ error_code: 'RUN_004' });
    expect((cancelled.steps as RunStep[]).find((step) => step.id === 's1')?.status).toBe('completed');
    expect((cancelled.steps as RunStep[]).find((step) => step.id === 's5')?.status).toBe('cancelled');
    const events = await sessionEventsThrough('cancel-session', 'sigil.run.v1.cancelled');
    const cancelledAt = at(events.find((event) => event.type === 'sigil.run.v1.cancelled') as SessionEvent);
    expect(events.filter((event) => event.type === 'sigil.reasoning.v1.step_requested' && at(event) > cancelledAt)).toEqual([]);
    expect((await api('POST', `/v7/runs/${runId}/cancel`, {})).status).toBe(409);
  });

  it('stops a run at its deadline (config.timeout_ms) and answers 504 RUN_005', async () => {
    // Nine model calls one after another (the plan, then eight chained steps) take longer than the one-second deadline.
    const chain = Array.from({ length: 8 }, (_, index) => `${index + 1}. Part ${index + 1}${index > 0 ? ` (after ${index})` : ''}`).join('\n');
    const run = await api('POST', '/v7/agents/planner_agent/run', { input: `${COMPLEX}\n${chain}`, session_id: 'deadline-session', config: { timeout_ms: 1_000 }, timeout_ms: 30_000 });
    expect([run.status, run.body]).toEqual([504, expect.objectContaining({ error_code: 'RUN_005' })]);
  });

  it('finishes a run whose planner was killed -9 mid-run, with no step dispatched twice and no memory stored twice', async () => {
    const goal = `${COMPLEX}\n1. Remember that the crash test code is Kestrel\n2. Size the market\n3. Trend (after 2)\n4. Risks (after 3)\n5. Search memory for crash test code (after 1, 4)`;
    const accepted = await api('POST', '/v7/agents/planner_agent/run', { input: goal, session_id: 'crash-session', async: true });
    const runId = String(accepted.body.run_id);
    await eventually(async () => {
      const events = await sessionEvents('crash-session');
      expect(events.some((event) => event.type === 'sigil.reasoning.v1.step_completed' && planStepOf(event) === 's2')).toBe(true);
    });
    await platform.killService('planner');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await platform.startService('planner');
    const done = await eventually(async () => {
      const current = await api('GET', `/v7/runs/${runId}`);
      expect(current.body.status).toBe('completed');
      return current.body;
    }, 60_000);
    expect((done.steps as RunStep[]).every((step) => step.status === 'completed')).toBe(true);
    const events = await sessionEventsThrough('crash-session', 'sigil.run.v1.completed');
    const dispatched = events.filter((event) => event.type === 'sigil.reasoning.v1.step_requested').map((event) => String(event.payload.stepId));
    expect(new Set(dispatched).size).toBe(dispatched.length);
    const stored = await db.query(`SELECT count(*)::int AS n FROM memory.memory_items WHERE tenant_id = $1 AND content LIKE '%Kestrel%'`, [TENANT]);
    expect(stored.rows[0].n).toBe(1);
  });
});
