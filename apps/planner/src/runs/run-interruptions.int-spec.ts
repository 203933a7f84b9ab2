import { Events, Queries } from '@sigil/catalog';
import type { FailurePolicy } from '@sigil/plans';
import { eventually } from '@sigil/testing';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { planAnswer, step, WIDE } from '../testing/plan-answers';
import { PlannerOnTheBus, type RunOnTheBus } from '../testing/planner-on-the-bus';

/** Long enough for the planner to have acted on a fact, had it been going to. */
const SETTLE_MS = 750;

describe('planner runs through failures, cancellation, deadlines, budgets and duplicates', () => {
  const unique = randomUUID().slice(0, 8);
  const tenant = `interrupt-${unique}`;
  let bus: PlannerOnTheBus;
  let count = 0;

  beforeAll(async () => {
    bus = await PlannerOnTheBus.start(`run-interruptions-${unique}`);
  });

  afterAll(async () => {
    await bus?.close();
  });

  const newRun = (name: string) => {
    count += 1;
    return bus.run(tenant, `run-${unique}-${name}-${count}`, `session-${unique}-${count}`);
  };

  const stepIds = (run: RunOnTheBus) => run.stepRequests().map((request) => request.stepId);

  /** A complex run whose plan (a and b in parallel, c after both; a with the given policy) is dispatched. */
  async function runningWith(name: string, onFailure: FailurePolicy, maxRetries = 0): Promise<RunOnTheBus> {
    const run = newRun(name);
    await run.start(`Handle ${name}`, { complex: true });
    const [planCall] = await run.awaitStepRequests(1);
    await run.complete(planCall.stepId, planAnswer(step('a', [], { onFailure, maxRetries }), step('b'), step('c', ['a', 'b'])));
    await run.awaitStepRequests(3);
    return run;
  }

  describe('a failed step follows its policy', () => {
    it('retry: it runs again as its next attempt, and the run goes on', async () => {
      const run = await runningWith('retry', 'retry', 1);
      await run.fail(`${run.runId}:a:1`, 'LLM_001', true);
      const retried = (await run.awaitStepRequests(4))[3];
      expect(retried).toMatchObject({ stepId: `${run.runId}:a:2`, attempt: 2 });
      await run.complete(retried.stepId, 'A');
      await run.complete(`${run.runId}:b:1`, 'B');
      expect((await run.awaitStepRequests(5))[4].stepId).toBe(`${run.runId}:c:1`);
    });

    it('skip: its dependent runs without it, told it was skipped', async () => {
      const run = await runningWith('skip', 'skip');
      await run.fail(`${run.runId}:a:1`, 'RSN_002', false);
      await run.complete(`${run.runId}:b:1`, 'B');
      const dependent = (await run.awaitStepRequests(4))[3];
      expect(dependent.stepId).toBe(`${run.runId}:c:1`);
      expect(dependent.prompt).toContain('step a: Step a (skipped, no output)');
    });

    it('replan: once nothing runs, a plan step plans the rest, keeping what is done', async () => {
      const run = await runningWith('replan', 'replan');
      await run.fail(`${run.runId}:a:1`, 'RSN_002', false);
      await sleep(SETTLE_MS);
      expect(stepIds(run)).toHaveLength(3);
      await run.complete(`${run.runId}:b:1`, 'B');

      const replanCall = (await run.awaitStepRequests(4))[3];
      expect(replanCall).toMatchObject({ stepId: `${run.runId}:plan:2`, stepType: 'plan' });
      expect(replanCall.prompt).toContain('REPLAN. COMPLETED STEPS: b');
      expect(replanCall.prompt).toContain('FAILED STEP: a');
      await run.complete(replanCall.stepId, planAnswer(step('c2', ['b'])));

      const [, replanned] = await bus.awaitEmitted(Events.PlanCreated, run.runId, 2);
      expect(replanned.id).toBe(`${run.runId}:plan.created.1`);
      expect(replanned.payload.plan?.replans).toBe(1);
      expect(replanned.payload.plan?.steps.map((planned) => [planned.stepId, planned.status])).toEqual([
        ['b', 'completed'],
        ['c2', 'pending'],
      ]);
      expect((await run.awaitStepRequests(5))[4].stepId).toBe(`${run.runId}:c2:1`);
    });

    it('abort: the run fails with the step code, finished steps kept as partial results', async () => {
      const run = await runningWith('abort', 'abort');
      await run.complete(`${run.runId}:b:1`, 'B');
      await eventually(async () => {
        const { plan: view } = await bus.queries.request(Queries.GetRunPlan, { runId: run.runId }, { tenantId: tenant });
        expect(view?.steps.find((planned) => planned.stepId === 'b')?.status).toBe('completed');
      });
      await run.fail(`${run.runId}:a:1`, 'RSN_001', false);

      const failed = await run.awaitOne(Events.RunFailed);
      expect(failed.payload).toMatchObject({ errorCode: 'RSN_001', message: `step 'a' failed: RSN_001 RSN_001 in the test` });
      expect(failed.payload.partialResults.map((outcome) => [outcome.stepId, outcome.status, outcome.output])).toEqual([
        ['a', 'failed', ''],
        ['b', 'completed', 'B'],
        ['c', 'cancelled', ''],
      ]);
    });

    it('a spent budget (CTX_003) ends the run whatever the policy', async () => {
      const run = await runningWith('ctx', 'skip', 3);
      await run.fail(`${run.runId}:a:1`, 'CTX_003', false);
      expect((await run.awaitOne(Events.RunFailed)).payload.errorCode).toBe('CTX_003');
    });
  });

  it('stops a run cancelled mid-way: nothing more is dispatched, run.cancelled carries the finished steps, late results are ignored', async () => {
    const run = newRun('cancel');
    await run.start('Cancel me', { complex: true, contract: 'cancel_report' });
    const [planCall] = await run.awaitStepRequests(1);
    await run.complete(planCall.stepId, WIDE);
    await run.awaitStepRequests(5);
    await run.complete(`${run.runId}:a:1`, 'finding a');
    await eventually(async () => {
      const { plan: view } = await bus.queries.request(Queries.GetRunPlan, { runId: run.runId }, { tenantId: tenant });
      expect(view?.steps[0].status).toBe('completed');
    });
    await run.cancel('no longer needed');

    const cancelled = await run.awaitOne(Events.RunCancelled);
    expect(cancelled.id).toBe(`${run.runId}:run.cancelled`);
    expect(cancelled.payload).toMatchObject({ errorCode: 'RUN_004', reason: 'no longer needed' });
    expect(cancelled.payload.partialResults.map((outcome) => [outcome.stepId, outcome.status, outcome.output])).toEqual([
      ['a', 'completed', 'finding a'],
      ['b', 'cancelled', ''],
      ['c', 'cancelled', ''],
      ['d', 'cancelled', ''],
      ['e', 'cancelled', ''],
    ]);

    for (const id of ['b', 'c', 'd']) await run.complete(`${run.runId}:${id}:1`, `finding ${id}`);
    await sleep(SETTLE_MS);
    expect(stepIds(run)).toHaveLength(5);
    expect(bus.emitted(Events.ValidationRequested, run.runId)).toEqual([]);
    expect(bus.emitted(Events.RunCompleted, run.runId)).toEqual([]);
    const { run: view } = await bus.queries.request(Queries.GetRun, { runId: run.runId }, { tenantId: tenant });
    expect(view).toMatchObject({ status: 'cancelled', errorCode: 'RUN_004', errorMessage: 'no longer needed' });
    expect(view?.completedAt).not.toBe('');
  });

  it('cancels a run past its deadline (RUN_005) with the sweep, once', async () => {
    const run = newRun('deadline');
    const deadlineMs = Date.now() + 1_500;
    await run.start('Too slow', { request: { deadlineMs: BigInt(deadlineMs) } });
    await run.awaitStepRequests(1);

    const cancelled = await run.awaitOne(Events.RunCancelled, 10_000);
    expect(cancelled.id).toBe(`${run.runId}:run.cancelled`);
    expect(cancelled.payload).toMatchObject({ errorCode: 'RUN_005', reason: `deadline passed (${new Date(deadlineMs).toISOString()})` });
    expect(Number(cancelled.payload.latencyMs)).toBeGreaterThanOrEqual(1_500);
    await sleep(2 * SETTLE_MS);
    expect(bus.emitted(Events.RunCancelled, run.runId)).toHaveLength(1);
    const { run: view } = await bus.queries.request(Queries.GetRun, { runId: run.runId }, { tenantId: tenant });
    expect(view).toMatchObject({ status: 'cancelled', errorCode: 'RUN_005', deadlineAt: new Date(deadlineMs).toISOString() });
  });

  it('stops a run whose counted tokens reach its budget before dispatching more (CTX_003)', async () => {
    const run = newRun('budget');
    await run.start('Expensive', { complex: true, request: { maxTotalTokens: 100n } });
    const [planCall] = await run.awaitStepRequests(1);
    expect(planCall.runTokenLimit).toBe(100n);
    await run.complete(planCall.stepId, WIDE, { tokens: [80, 30] });

    const failed = await run.awaitOne(Events.RunFailed);
    expect(failed.payload).toMatchObject({ errorCode: 'CTX_003', message: 'token budget exceeded: the run has used 110 of its 100 tokens', tokensUsed: { totalTokens: 110n } });
    expect(stepIds(run)).toEqual([planCall.stepId]);
  });

  it('dispatches nothing twice when a step result or a plan answer is delivered twice', async () => {
    const run = newRun('duplicates');
    await run.start('Twice', { complex: true });
    const [planCall] = await run.awaitStepRequests(1);
    const answer = planAnswer(step('a'), step('b', ['a']));
    // Each copy has its own message id, so JetStream keeps both and the planner receives both.
    await run.complete(planCall.stepId, answer, { id: `${planCall.stepId}:copy-1` });
    await run.complete(planCall.stepId, answer, { id: `${planCall.stepId}:copy-2` });
    await run.awaitStepRequests(2);
    await run.complete(`${run.runId}:a:1`, 'A', { id: `${run.runId}:a:1:copy-1` });
    await run.complete(`${run.runId}:a:1`, 'A', { id: `${run.runId}:a:1:copy-2` });
    await run.awaitStepRequests(3);
    await sleep(SETTLE_MS);
    expect(stepIds(run)).toEqual([planCall.stepId, `${run.runId}:a:1`, `${run.runId}:b:1`]);
    expect(bus.emitted(Events.PlanCreated, run.runId)).toHaveLength(1);
  });
});
