import type { MessageInitShape } from '@bufbuild/protobuf';
import type { NatsConnection } from '@nats-io/nats-core';
import { Events, Queries } from '@sigil/catalog';
import { connectToNats, encodeEvent, EventPublisher, QueryClient } from '@sigil/messaging';
import { migrateServiceDatabase } from '@sigil/persistence';
import type { RunView } from '@sigil/schemas';
import { OutputValidatedSchema } from '@sigil/schemas';
import { bootService, serviceMigrations, settingsFromEnv, type StartedService } from '@sigil/service-kit';
import { eventually, testInfrastructure } from '@sigil/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AddRunDeadline1763700000300 } from '../migrations/add-run-deadline.migration';
import { AddRunQueryColumns1763700000200 } from '../migrations/add-run-query-columns.migration';
import { plannerService } from '../planner.service';

const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('planner run queries over real NATS and PostgreSQL', () => {
  const unique = randomUUID().slice(0, 8);
  const tenantA = `tenant-a-${unique}`;
  const tenantB = `tenant-b-${unique}`;
  const tenantEmpty = `tenant-none-${unique}`;
  const session = `session-${unique}`;
  const otherSession = `session-other-${unique}`;
  const writer = `writer-${unique}`;
  const reviewer = `reviewer-${unique}`;
  // Run ids sort against the order the runs are created in, so an order by run id alone shows.
  const completed = `run-${unique}-d`;
  const failed = `run-${unique}-c`;
  const validating = `run-${unique}-b`;
  const accepted = `run-${unique}-a`;
  const otherSessionRun = `run-${unique}-other`;
  const tenantBRun = `run-${unique}-b-tenant`;
  // Every run is requested at `base` and its verdict comes `finishMs` later, so usage has exact boundaries.
  const base = Date.now() - 3_600_000;
  const finishMs = { [completed]: 1_000, [failed]: 2_000, [otherSessionRun]: 3_000, [tenantBRun]: 2_500 };

  let service: StartedService;
  let drivenFrom: number;
  let drivenUntil: number;
  let nc: NatsConnection;
  let publisher: EventPublisher;
  let queries: QueryClient;

  beforeAll(async () => {
    const { natsUrl, databaseUrl, redisUrl } = testInfrastructure();
    await migrateServiceDatabase({ url: databaseUrl, schema: plannerService.schema, migrations: serviceMigrations(plannerService) });
    const env = { NATS_URL: natsUrl, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, SIGIL_PLANNER_PORT: '0' };
    // Read by the service at boot; this file's environment only.
    process.env.SIGIL_LOG_LEVEL = 'warn';
    service = await bootService(plannerService, settingsFromEnv(plannerService.name, plannerService.defaultPort, env));
    nc = await connectToNats(natsUrl, 'run-queries-test');
    publisher = new EventPublisher(nc, 'run-queries-test');
    queries = new QueryClient(nc, 'run-queries-test');

    drivenFrom = Date.now();
    // Tenant A, session: completed, failed, validating and accepted runs of the writer, created in that order.
    await drive(tenantA, completed, session, writer, { tokens: [10, 4], decision: 'success' });
    await drive(tenantA, failed, session, writer, { tokens: [7, 0], decision: 'fail' });
    await drive(tenantA, validating, session, writer, { tokens: [3, 3] });
    await drive(tenantA, accepted, session, writer, {});
    // Tenant A, another session and agent; tenant B, the same session id and agent name as A.
    await drive(tenantA, otherSessionRun, otherSession, reviewer, { tokens: [100, 50], decision: 'success' });
    await drive(tenantB, tenantBRun, session, writer, { tokens: [1, 2], decision: 'success' });
    drivenUntil = Date.now();
  });

  afterAll(async () => {
    await nc?.drain();
    await service?.app.close();
  });

  const getRun = (tenantId: string, runId: string) => queries.request(Queries.GetRun, { runId }, { tenantId });

  const viewOf = async (tenantId: string, runId: string): Promise<RunView> => {
    const { run, error } = await getRun(tenantId, runId);
    if (!run) throw new Error(`run ${runId} not visible yet: ${error?.code ?? 'no error'}`);
    return run;
  };

  const waitFor = (tenantId: string, runId: string, check: (run: RunView) => void) =>
    eventually(async () => {
      const run = await viewOf(tenantId, runId);
      check(run);
      return run;
    });

  /**
   * Takes a run through the planner's saga with the events it consumes, as far as asked: requested
   * only; planned and its step done (`tokens`); and judged (`decision`) at base + finishMs.
   */
  async function drive(tenantId: string, runId: string, sessionId: string, agentName: string, until: { tokens?: [number, number]; decision?: 'success' | 'fail' }) {
    const correlation = { tenantId, sessionId, runId };
    await publisher.publish(
      Events.RunRequested,
      { runId, sessionId, agent: { name: agentName, version: 7, stratum: 'RTI', systemPrompt: 'Be brief.' }, input: 'hello', requestId: `req-${runId}`, requestedAtMs: BigInt(base) },
      correlation,
    );
    await waitFor(tenantId, runId, (run) => expect(run.agentName).toBe(agentName));
    if (!until.tokens) return;

    await publisher.publish(Events.RouteDecided, { runId, sessionId, intent: 'general_chat', complexity: 0.1, strategy: 'direct', useContracts: true }, correlation);
    // Contracts on and one selected, so that the run waits for the verdict the test gives it.
    await publisher.publish(Events.ContractSelected, { runId, sessionId, contractName: 'cited_answer', failureStrategy: 'fail' }, correlation);
    await waitFor(tenantId, runId, (run) => expect(run.status).toBe('running'));

    const [inputTokens, outputTokens] = until.tokens;
    await publisher.publish(
      Events.StepCompleted,
      {
        runId,
        sessionId,
        stepId: `${runId}:answer:1`,
        output: `answer of ${runId}`,
        tokensUsed: { inputTokens: BigInt(inputTokens), outputTokens: BigInt(outputTokens), totalTokens: BigInt(inputTokens + outputTokens) },
        modelUsed: 'model-x',
      },
      correlation,
    );
    await waitFor(tenantId, runId, (run) => expect(run.modelUsed).toBe('model-x'));
    if (!until.decision) return;

    // The planner takes a run's finish time from the verdict's envelope, so the verdict is dated here.
    const verdict: MessageInitShape<typeof OutputValidatedSchema> = {
      runId,
      sessionId,
      isValid: until.decision === 'success',
      decision: until.decision,
      errors: until.decision === 'fail' ? [{ message: 'response must cite a source' }] : [],
      attempt: 1,
    };
    const outgoing = encodeEvent('run-queries-test', Events.OutputValidated, verdict, correlation);
    const time = new Date(base + finishMs[runId]).toISOString();
    await publisher.publishEncoded({ ...outgoing, envelope: { ...outgoing.envelope, time } });
    await waitFor(tenantId, runId, (run) => expect(run.status).toBe(until.decision === 'success' ? 'completed' : 'failed'));
  }

  describe('GetRun', () => {
    it('shows a completed run with its agent version, creation time and completion time', async () => {
      const run = await viewOf(tenantA, completed);
      expect(run).toMatchObject({
        runId: completed,
        sessionId: session,
        agentName: writer,
        agentVersion: 7,
        status: 'completed',
        response: `answer of ${completed}`,
        tokensUsed: { inputTokens: 10n, outputTokens: 4n, totalTokens: 14n },
        modelUsed: 'model-x',
        latencyMs: 1_000n,
        requestId: `req-${completed}`,
        errorCode: '',
        errorMessage: '',
        completedAt: new Date(base + 1_000).toISOString(),
      });
      expect(run.createdAt).toMatch(RFC3339_UTC);
      expect(Date.parse(run.createdAt)).toBeGreaterThanOrEqual(drivenFrom);
      expect(Date.parse(run.createdAt)).toBeLessThanOrEqual(drivenUntil);
    });

    it('shows a failed run with its error and completion time, and a running one with no completion time', async () => {
      expect(await viewOf(tenantA, failed)).toMatchObject({
        status: 'failed',
        response: '',
        errorCode: 'CV-008',
        errorMessage: 'response must cite a source',
        completedAt: new Date(base + 2_000).toISOString(),
      });
      expect(await viewOf(tenantA, validating)).toMatchObject({ status: 'running', completedAt: '', tokensUsed: { totalTokens: 6n } });
      expect(await viewOf(tenantA, accepted)).toMatchObject({ status: 'accepted', completedAt: '', agentVersion: 7 });
    });

    it("does not show another tenant's run", async () => {
      const { run, error } = await getRun(tenantB, completed);
      expect(run).toBeUndefined();
      expect(error).toMatchObject({ code: 'RUN_001', status: 404 });
    });
  });

  describe('ListSessionRuns', () => {
    const list = (tenantId: string, sessionId: string, page: number, perPage: number) =>
      queries.request(Queries.ListSessionRuns, { sessionId, page, perPage }, { tenantId });

    it('lists the runs of the session oldest first, with the total of the session', async () => {
      const { runs, total, error } = await list(tenantA, session, 1, 100);
      expect(error).toBeUndefined();
      expect(total).toBe(4n);
      expect(runs.map((run) => run.runId)).toEqual([completed, failed, validating, accepted]);
      expect(runs.map((run) => run.status)).toEqual(['completed', 'failed', 'running', 'accepted']);
      const created = runs.map((run) => Date.parse(run.createdAt));
      expect([...created].sort((a, b) => a - b)).toEqual(created);
    });

    it('cuts pages of per_page runs and reports the same total on every page, also past the end', async () => {
      const first = await list(tenantA, session, 1, 3);
      const second = await list(tenantA, session, 2, 3);
      const past = await list(tenantA, session, 3, 3);
      expect(first.runs.map((run) => run.runId)).toEqual([completed, failed, validating]);
      expect(second.runs.map((run) => run.runId)).toEqual([accepted]);
      expect(past.runs).toEqual([]);
      expect([first.total, second.total, past.total]).toEqual([4n, 4n, 4n]);
      expect((await list(tenantA, session, 2, 1)).runs.map((run) => run.runId)).toEqual([failed]);
    });

    it("shows each tenant only its own runs of a session id they share, and an unknown session as empty", async () => {
      const ofB = await list(tenantB, session, 1, 100);
      expect(ofB.runs.map((run) => run.runId)).toEqual([tenantBRun]);
      expect(ofB.total).toBe(1n);
      const ofNobody = await list(tenantEmpty, session, 1, 100);
      expect(ofNobody).toMatchObject({ runs: [], total: 0n });
      expect(ofNobody.error).toBeUndefined();
      const unknown = await list(tenantA, `session-unknown-${unique}`, 1, 10);
      expect(unknown).toMatchObject({ runs: [], total: 0n });
      expect(unknown.error).toBeUndefined();
    });

    it.each([
      [0, 10, 'page must be at least 1, got 0'],
      [1, 0, 'per_page must be between 1 and 100, got 0'],
      [1, 101, 'per_page must be between 1 and 100, got 101'],
    ])('refuses page %i with per_page %i as a bad request', async (page, perPage, message) => {
      const response = await list(tenantA, session, page, perPage);
      expect(response.error).toMatchObject({ code: 'REQ_001', status: 400, message });
      expect(response.runs).toEqual([]);
      expect(response.total).toBe(0n);
    });
  });

  describe('GetTokenUsage', () => {
    const usage = async (tenantId: string, sinceMs: number) => {
      const { tokensUsed, runs, error } = await queries.request(Queries.GetTokenUsage, { sinceMs: BigInt(sinceMs) }, { tenantId });
      expect(error).toBeUndefined();
      return { runs, input: tokensUsed?.inputTokens, output: tokensUsed?.outputTokens, total: tokensUsed?.totalTokens };
    };

    it("sums the tokens of the tenant's finished runs, completed and failed, and counts them", async () => {
      expect(await usage(tenantA, 0)).toEqual({ runs: 3n, input: 117n, output: 54n, total: 171n });
      expect(await usage(tenantA, base)).toEqual({ runs: 3n, input: 117n, output: 54n, total: 171n });
    });

    it('counts a run finished exactly at since_ms and none finished before it', async () => {
      expect(await usage(tenantA, base + 2_000)).toEqual({ runs: 2n, input: 107n, output: 50n, total: 157n });
      expect(await usage(tenantA, base + 2_001)).toEqual({ runs: 1n, input: 100n, output: 50n, total: 150n });
      expect(await usage(tenantA, base + 3_001)).toEqual({ runs: 0n, input: 0n, output: 0n, total: 0n });
    });

    it("gives each tenant only its own usage", async () => {
      expect(await usage(tenantB, 0)).toEqual({ runs: 1n, input: 1n, output: 2n, total: 3n });
      expect(await usage(tenantEmpty, 0)).toEqual({ runs: 0n, input: 0n, output: 0n, total: 0n });
    });
  });

  describe('GetAgentRunStats', () => {
    const stats = async (tenantId: string, agentName: string) => {
      const { total, running, completed: done, failed: broke, lastRunAt, error } = await queries.request(Queries.GetAgentRunStats, { agentName }, { tenantId });
      expect(error).toBeUndefined();
      return { total, running, completed: done, failed: broke, lastRunAt };
    };

    it("counts the agent's runs by outcome, anything unfinished as running, with the latest creation time", async () => {
      const newest = await viewOf(tenantA, accepted);
      expect(await stats(tenantA, writer)).toEqual({ total: 4n, running: 2n, completed: 1n, failed: 1n, lastRunAt: newest.createdAt });
      const reviewerRun = await viewOf(tenantA, otherSessionRun);
      expect(await stats(tenantA, reviewer)).toEqual({ total: 1n, running: 0n, completed: 1n, failed: 0n, lastRunAt: reviewerRun.createdAt });
    });

    it("gives each tenant only its own runs of an agent name they share, and none for an agent that never ran", async () => {
      const runOfB = await viewOf(tenantB, tenantBRun);
      expect(await stats(tenantB, writer)).toEqual({ total: 1n, running: 0n, completed: 1n, failed: 0n, lastRunAt: runOfB.createdAt });
      expect(await stats(tenantEmpty, writer)).toEqual({ total: 0n, running: 0n, completed: 0n, failed: 0n, lastRunAt: '' });
      expect(await stats(tenantA, `never-ran-${unique}`)).toEqual({ total: 0n, running: 0n, completed: 0n, failed: 0n, lastRunAt: '' });
    });
  });

  describe('the query columns migration', () => {
    it('fills agent, tokens and finish time of rows written before it from their state', async () => {
      const runner = service.app.get(DataSource).createQueryRunner();
      const migration = new AddRunQueryColumns1763700000200();
      const legacy = (runId: string, status: string, finishedAtMs?: number) => ({
        runId,
        sessionId: session,
        status,
        request: { input: 'hi', agent: { name: writer, systemPrompt: '', stratum: 'RTI' }, requestedAtMs: base, requestId: `req-${runId}` },
        steps: [{ stepId: `${runId}:1`, prompt: 'hi', strategy: 'direct', status: 'completed', output: 'x', tokens: { inputTokens: 11, outputTokens: 5 }, model: 'm' }],
        ...(finishedAtMs === undefined ? {} : { finishedAtMs }),
      });
      await runner.connect();
      await runner.startTransaction();
      try {
        await migration.down(runner);
        for (const [runId, status, finishedAtMs] of [
          [`legacy-${unique}-done`, 'completed', base + 5_123],
          [`legacy-${unique}-open`, 'validating', base + 5_123],
        ] as const) {
          await runner.query(`INSERT INTO planner.runs (tenant_id, run_id, session_id, status, state) VALUES ($1, $2, $3, $4, $5)`, [
            tenantEmpty,
            runId,
            session,
            status,
            legacy(runId, status, finishedAtMs),
          ]);
        }
        await migration.up(runner);
        const rows: Record<string, unknown>[] = await runner.query(
          `SELECT run_id, agent_name, input_tokens, output_tokens, total_tokens, finished_at FROM planner.runs WHERE tenant_id = $1 ORDER BY run_id`,
          [tenantEmpty],
        );
        expect(rows).toEqual([
          { run_id: `legacy-${unique}-done`, agent_name: writer, input_tokens: '11', output_tokens: '5', total_tokens: '16', finished_at: new Date(base + 5_123) },
          { run_id: `legacy-${unique}-open`, agent_name: writer, input_tokens: '11', output_tokens: '5', total_tokens: '16', finished_at: null },
        ]);
        const [kept]: { agent_name: string; total_tokens: string }[] = await runner.query(
          `SELECT agent_name, total_tokens FROM planner.runs WHERE tenant_id = $1 AND run_id = $2`,
          [tenantA, otherSessionRun],
        );
        expect(kept).toEqual({ agent_name: reviewer, total_tokens: '150' });
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    });
  });

  describe('the deadline migration', () => {
    it('fills deadline_ms of rows written before it from their state; runs without a deadline have none', async () => {
      const runner = service.app.get(DataSource).createQueryRunner();
      const migration = new AddRunDeadline1763700000300();
      const withDeadline = (runId: string, deadlineMs?: number) => ({
        runId,
        sessionId: session,
        status: 'running',
        request: { input: 'hi', agent: { name: writer, systemPrompt: '', stratum: 'RTI' }, requestedAtMs: base, requestId: `req-${runId}`, ...(deadlineMs === undefined ? {} : { deadlineMs }) },
        steps: [],
      });
      await runner.connect();
      await runner.startTransaction();
      try {
        await migration.down(runner);
        for (const [runId, deadlineMs] of [
          [`legacy-${unique}-deadline`, base + 60_000],
          [`legacy-${unique}-zero`, 0],
          [`legacy-${unique}-none`, undefined],
        ] as const) {
          await runner.query(`INSERT INTO planner.runs (tenant_id, run_id, session_id, status, state) VALUES ($1, $2, $3, 'running', $4)`, [
            tenantEmpty,
            runId,
            session,
            withDeadline(runId, deadlineMs),
          ]);
        }
        await migration.up(runner);
        const rows: Record<string, unknown>[] = await runner.query(`SELECT run_id, deadline_ms FROM planner.runs WHERE tenant_id = $1 ORDER BY run_id`, [tenantEmpty]);
        expect(rows).toEqual([
          { run_id: `legacy-${unique}-deadline`, deadline_ms: String(base + 60_000) },
          { run_id: `legacy-${unique}-none`, deadline_ms: null },
          { run_id: `legacy-${unique}-zero`, deadline_ms: null },
        ]);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    });
  });
});
