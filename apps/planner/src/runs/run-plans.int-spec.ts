import { Events, Queries } from '@sigil/catalog';
import { fenceUntrusted } from '@sigil/context';
import { isPlanningPrompt } from '@sigil/plans';
import { eventually } from '@sigil/testing';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { planAnswer, step, WIDE } from '../testing/plan-answers';
import { PlannerOnTheBus } from '../testing/planner-on-the-bus';

const CYCLE = planAnswer(step('a', ['b']), step('b', ['a']));
/** Long enough for the planner to have acted on a fact, had it been going to. */
const SETTLE_MS = 750;

describe('planner runs plans over real NATS, PostgreSQL and Redis', () => {
  const unique = randomUUID().slice(0, 8);
  const tenantA = `plans-a-${unique}`;
  const tenantB = `plans-b-${unique}`;
  const runId = (name: string) => `run-${unique}-${name}`;
  let bus: PlannerOnTheBus;

  beforeAll(async () => {
    bus = await PlannerOnTheBus.start(`run-plans-${unique}`);
  });

  afterAll(async () => {
    await bus?.close();
  });

  it("runs complex work as a plan: one plan step, four steps dispatched at once, the final one after them, the contract's verdict, completion with its steps", async () => {
    const deadlineMs = Date.now() + 120_000;
    const run = bus.run(tenantA, runId('dag'), `session-${unique}-dag`);
    await run.start('Research the market in depth', { complex: true, request: { maxTotalTokens: 50_000n, deadlineMs: BigInt(deadlineMs) }, contract: 'market_report' });

    const [planCall] = await run.awaitStepRequests(1);
    expect(planCall).toMatchObject({ stepId: `${run.runId}:plan:1`, stepType: 'plan', attempt: 1, runTokenLimit: 50_000n, deadlineMs: BigInt(deadlineMs), complexity: 0.62 });
    expect(isPlanningPrompt(planCall.prompt)).toBe(true);
    await run.complete(planCall.stepId, WIDE);

    const created = await run.awaitOne(Events.PlanCreated);
    expect(created.id).toBe(`${run.runId}:plan.created.0`);
    expect(created.payload.plan).toMatchObject({ runId: run.runId, goal: 'Research the market in depth', replans: 0, cached: false });
    expect(created.payload.plan?.steps.map((planned) => planned.stepId)).toEqual(['a', 'b', 'c', 'd', 'e']);

    // Every ready step is requested before any of them has completed; the step that needs them all waits.
    const wide = (await run.awaitStepRequests(5)).slice(1);
    expect(wide.map((request) => request.stepId)).toEqual(['a', 'b', 'c', 'd'].map((id) => `${run.runId}:${id}:1`));
    expect(bus.emitted(Events.StepRequested, run.runId).map((emitted) => emitted.id)).toEqual([planCall.stepId, ...wide.map((request) => request.stepId)]);
    for (const id of ['a', 'b', 'c']) await run.complete(`${run.runId}:${id}:1`, `finding ${id}`);
    await sleep(SETTLE_MS);
    expect(run.stepRequests()).toHaveLength(5);

    await run.complete(`${run.runId}:d:1`, 'finding d');
    const final = (await run.awaitStepRequests(6))[5];
    expect(final.stepId).toBe(`${run.runId}:e:1`);
    for (const id of ['a', 'b', 'c', 'd']) expect(final.prompt).toContain(`finding ${id}`);

    await run.complete(final.stepId, 'the market report');
    const validation = await run.awaitOne(Events.ValidationRequested);
    expect(validation.id).toBe(`${run.runId}:validation.requested.1`);
    expect(validation.payload).toMatchObject({ output: 'the market report', attempt: 1, tokensUsed: { totalTokens: 90n } });

    await run.validated(1, 'success');
    const completed = await run.awaitOne(Events.RunCompleted);
    expect(completed.id).toBe(`${run.runId}:run.completed`);
    expect(completed.payload).toMatchObject({ response: 'the market report', attempts: 1, modelUsed: 'local-test-model' });
    expect(completed.payload.steps.map((outcome) => [outcome.stepId, outcome.status, outcome.output])).toEqual([
      ['a', 'completed', 'finding a'],
      ['b', 'completed', 'finding b'],
      ['c', 'completed', 'finding c'],
      ['d', 'completed', 'finding d'],
      ['e', 'completed', 'the market report'],
    ]);

    const { run: view } = await bus.queries.request(Queries.GetRun, { runId: run.runId }, { tenantId: tenantA });
    expect(view).toMatchObject({ status: 'completed', maxTotalTokens: 50_000n, deadlineAt: new Date(deadlineMs).toISOString() });
    expect(view?.steps).toHaveLength(5);
  });

  it('gives a cyclic plan one more planning call naming the cycle, then fails the run with PLAN_001', async () => {
    const run = bus.run(tenantA, runId('cycle'), `session-${unique}-cycle`);
    await run.start('Plan something circular', { complex: true });
    const [first] = await run.awaitStepRequests(1);
    await run.complete(first.stepId, CYCLE);

    const second = (await run.awaitStepRequests(2))[1];
    expect(second).toMatchObject({ stepId: `${run.runId}:plan:2`, stepType: 'plan', attempt: 2 });
    expect(second.prompt).toContain('YOUR PREVIOUS PLAN WAS REFUSED: cyclic dependency: a → b → a');
    await run.complete(second.stepId, CYCLE);

    const failed = await run.awaitOne(Events.RunFailed);
    expect(failed.id).toBe(`${run.runId}:run.failed`);
    expect(failed.payload).toMatchObject({ errorCode: 'PLAN_001', message: 'cyclic dependency: a → b → a', tokensUsed: { totalTokens: 30n } });
    expect(bus.emitted(Events.PlanCreated, run.runId)).toEqual([]);
  });

  it('takes the plan of a second identical run from the cache: no plan step, the plan announced as cached', async () => {
    const input = `Compare the vendors (${unique})`;
    const first = bus.run(tenantA, runId('cache-1'), `session-${unique}-cache-1`);
    await first.start(input, { complex: true });
    const [planCall] = await first.awaitStepRequests(1);
    await first.complete(planCall.stepId, WIDE);
    expect((await first.awaitOne(Events.PlanCreated)).payload.plan?.cached).toBe(false);

    const second = bus.run(tenantA, runId('cache-2'), `session-${unique}-cache-2`);
    await second.start(input, { complex: true });
    const created = await second.awaitOne(Events.PlanCreated);
    expect(created.payload.plan).toMatchObject({ cached: true });
    const requests = await second.awaitStepRequests(4);
    expect(requests.map((request) => request.stepId)).toEqual(['a', 'b', 'c', 'd'].map((id) => `${second.runId}:${id}:1`));
    expect(requests.every((request) => request.stepType !== 'plan')).toBe(true);

    // Another tenant asking the same has its own cache: it plans.
    const elsewhere = bus.run(tenantB, runId('cache-b'), `session-${unique}-cache-b`);
    await elsewhere.start(input, { complex: true });
    expect((await elsewhere.awaitStepRequests(1))[0].stepType).toBe('plan');
  });

  it("waits for memory's recall when the route uses memory, and puts the recalled items in the step context as data", async () => {
    const run = bus.run(tenantA, runId('memory'), `session-${unique}-memory`);
    await run.request('Who is our client?');
    await run.route({ useMemory: true });
    await run.selectContract();

    await sleep(SETTLE_MS);
    expect(run.stepRequests()).toEqual([]);

    await run.recalled([{ itemId: 'm-1', content: 'The client is Acme.', score: 0.9 }]);
    const [request] = await run.awaitStepRequests(1);
    expect(request.prompt).toContain(fenceUntrusted('memory:m-1', 'The client is Acme.'));
  });

  it('starts a run whose route switches contracts off without waiting for the selection, and judges its answer itself', async () => {
    const run = bus.run(tenantA, runId('no-contracts'), `session-${unique}-no-contracts`);
    await run.request('Say hello');
    await run.route({ useContracts: false });
    const [step] = await run.awaitStepRequests(1);
    await run.complete(step.stepId, 'Hello.');
    const completed = await run.awaitOne(Events.RunCompleted);
    expect(completed.payload).toMatchObject({ response: 'Hello.', contractName: '', attempts: 1 });
    expect(bus.emitted(Events.ValidationRequested, run.runId)).toEqual([]);
  });

  it("gives a run the session's earlier completed turns as history, oldest first", async () => {
    const session = `session-${unique}-history`;
    const earlier = bus.run(tenantA, runId('history-1'), session);
    await earlier.start('What is our fiscal year?');
    const [first] = await earlier.awaitStepRequests(1);
    await earlier.complete(first.stepId, 'It starts in April.');
    await earlier.awaitOne(Events.RunCompleted);
    const next = bus.run(tenantA, runId('history-2'), session);
    await next.start('Who closes the books?');
    const [second] = await next.awaitStepRequests(1);
    await next.complete(second.stepId, 'The finance team does.');
    await next.awaitOne(Events.RunCompleted);

    const later = bus.run(tenantA, runId('history-3'), session);
    await later.start('And when does it end?');
    const [request] = await later.awaitStepRequests(1);
    expect(request.prompt).toContain('<untrusted_data source="history">');
    const turns = ['What is our fiscal year?', 'It starts in April.', 'Who closes the books?', 'The finance team does.'].map((text) => request.prompt.indexOf(text));
    expect(turns.every((at) => at >= 0)).toBe(true);
    expect(turns).toEqual([...turns].sort((a, b) => a - b));

    // The same session id in another tenant has no history of A's.
    const otherTenant = bus.run(tenantB, runId('history-b'), session);
    await otherTenant.start('And when does it end?');
    const [isolated] = await otherTenant.awaitStepRequests(1);
    expect(isolated.prompt).not.toContain('It starts in April.');
    expect(isolated.prompt).not.toContain('<untrusted_data source="history">');
  });

  it("answers GetRunPlan with the run's steps for its tenant only", async () => {
    const run = bus.run(tenantA, runId('inspect'), `session-${unique}-inspect`);
    await run.start('Inspect me', { complex: true });
    const [planCall] = await run.awaitStepRequests(1);
    await run.complete(planCall.stepId, WIDE);
    await run.awaitStepRequests(5);
    await run.complete(`${run.runId}:a:1`, 'finding a');

    const plan = await eventually(async () => {
      const answer = await bus.queries.request(Queries.GetRunPlan, { runId: run.runId }, { tenantId: tenantA });
      expect(answer.error).toBeUndefined();
      expect(answer.plan?.steps.map((planned) => [planned.stepId, planned.status, planned.attempts, planned.output])).toEqual([
        ['a', 'completed', 1, 'finding a'],
        ['b', 'dispatched', 1, ''],
        ['c', 'dispatched', 1, ''],
        ['d', 'dispatched', 1, ''],
        ['e', 'pending', 0, ''],
      ]);
      return answer.plan;
    });
    expect(plan).toMatchObject({ runId: run.runId, goal: 'Inspect me', replans: 0, cached: false });
    expect(plan?.steps[4]).toMatchObject({ dependsOn: ['a', 'b', 'c', 'd'], type: 'reasoning', onFailure: 'retry', instruction: 'Work out part e.' });

    const other = await bus.queries.request(Queries.GetRunPlan, { runId: run.runId }, { tenantId: tenantB });
    expect(other.plan).toBeUndefined();
    expect(other.error).toMatchObject({ code: 'RUN_001', status: 404 });
  });
});
