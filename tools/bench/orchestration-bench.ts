import {
  COMPACT_HOSTS,
  freeInfrastructurePorts,
  mintToken,
  ONE_PROCESS_PER_SERVICE,
  runningPid,
  startInfrastructure,
  startPlatformProcesses,
  stopInfrastructure,
  type InfrastructureUrls,
} from '@sigil/local-stack';
import { randomBytes, randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { call, serverTiming } from './bench-http';
import { measureJetStreamFloor } from './jetstream-floor/jetstream-floor';
import { machineCpuTimes, processTable, stealPercent, treeCpuMsBetween } from './machine-cpu';
import { percentile, table } from './percentiles';
import { runTimeline } from './run-timeline';

/**
 * Issue 5's targets with the local provider: the orchestration overhead of a simple run, a 10-step
 * DAG's time against its critical path at a fixed simulated model latency, and 200 concurrent runs.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const stateDir = path.join(root, '.sigil', 'bench-orchestration');
const SIMPLE_RUNS = Number(process.env.BENCH_RUNS ?? 200);
const CONCURRENT_RUNS = Number(process.env.BENCH_CONCURRENT_RUNS ?? 200);
const MODEL_LATENCY_MS = Number(process.env.BENCH_MODEL_LATENCY_MS ?? 100);
const TENANTS = 10;
const write = (line = '') => process.stdout.write(`${line}\n`);

/**
 * Ten steps, four wide: four independent lookups, four steps each after one of them, then two in a
 * row. The first line's words make the router see complex, planned work.
 */
const TEN_STEP_GOAL = [
  'Plan the quarterly market strategy report: analyze revenue, compare competitor pricing and recommend a forecast, using the sales database.',
  '1. Size the enterprise segment',
  '2. Size the mid-market segment',
  '3. Size the small-business segment',
  '4. Size the consumer segment',
  '5. Trend of the enterprise segment (after 1)',
  '6. Trend of the mid-market segment (after 2)',
  '7. Trend of the small-business segment (after 3)',
  '8. Trend of the consumer segment (after 4)',
  '9. Compare the segments (after 5, 6, 7, 8)',
  '10. Write the recommendation (after 9)',
].join('\n');

interface StoredEvent {
  type: string;
  time: string;
  payload: Record<string, unknown>;
}

async function main(): Promise<void> {
  rmSync(stateDir, { recursive: true, force: true });
  const infrastructure = await startInfrastructure(stateDir, await freeInfrastructurePorts(), { durable: false });
  const secret = randomBytes(32).toString('hex');
  const tokens = await Promise.all(
    Array.from({ length: TENANTS }, (_, index) => mintToken(secret, { tenantId: `orch-${index}`, scope: 'admin', tier: 'enterprise', issuer: 'sigil-bench' })),
  );
  try {
    const fast = await withPlatform(infrastructure, secret, 0, COMPACT_HOSTS, async (gateway) => {
      await createAgents(gateway, tokens);
      const simple = await simpleRuns(gateway, tokens[0]);
      const timeline = await simpleRunTimeline(gateway, tokens[0], simple.sessions.slice(-TIMELINE_RUNS));
      return { simple, timeline, spaced: await spacedSimpleRuns(gateway, tokens[0]), concurrent: await concurrentRuns(gateway, tokens) };
    });
    // The same runs with each service in a process of its own (the Kubernetes shape), for comparison; the agents are stored already.
    const apart = await withPlatform(infrastructure, secret, 0, ONE_PROCESS_PER_SERVICE, async (gateway) => ({
      simple: await simpleRuns(gateway, tokens[0]),
      spaced: await spacedSimpleRuns(gateway, tokens[0]),
    }));
    const dag = await withPlatform(infrastructure, secret, MODEL_LATENCY_MS, COMPACT_HOSTS, (gateway) => dagRun(gateway, tokens[1]));
    // With the platform stopped: the same NATS server, nothing else running.
    const floor = await measureJetStreamFloor(infrastructure.natsUrl, { warmUpRuns: WARM_UP_RUNS, runs: SIMPLE_RUNS, spacedRuns: SPACED_RUNS, spacingMs: SPACING_MS });
    write();
    write(
      `orchestration benchmark: local provider, every hop over JetStream; the services in two host processes (${COMPACT_HOSTS.map((host) => host.join(' + ')).join(' | ')}, ADR 0014) unless a row says otherwise; DAG at ${MODEL_LATENCY_MS} ms per model call`,
    );
    write(
      table(
        ['measure', 'value', 'target', 'met'],
        [
          [`simple run, gateway to completion p50 ms (${SIMPLE_RUNS} sequential)`, fast.simple.waitP50.toFixed(2), '< 15', fast.simple.waitP50 < 15 ? 'yes' : 'NO'],
          ['simple run, gateway to completion p95 ms', fast.simple.waitP95.toFixed(2), '', ''],
          ['simple run, client latency p50 ms', fast.simple.clientP50.toFixed(2), '', ''],
          [`simple run, one at a time with ${SPACING_MS} ms idle between, gateway to completion p50 ms (${SPACED_RUNS} runs)`, fast.spaced.waitP50.toFixed(2), '', ''],
          [`simple run: machine CPU per run ms (every process) / cores busy of ${availableParallelism()}`, `${fast.simple.cpuMsPerRun.toFixed(1)} / ${fast.simple.coresBusy.toFixed(2)}`, '', ''],
          ['simple run: host steal % (cores given to other guests)', fast.simple.stealPercent.toFixed(1), '', ''],
          [
            'one process per service: simple run p50 back to back / idle-spaced ms; machine CPU per run ms; steal %',
            `${apart.simple.waitP50.toFixed(2)} / ${apart.spaced.waitP50.toFixed(2)}; ${apart.simple.cpuMsPerRun.toFixed(1)}; ${apart.simple.stealPercent.toFixed(1)}`,
            '',
            '',
          ],
          ['bus floor (the same hops and fan-out over JetStream, no work at any hop): p50 back to back / idle-spaced ms', `${floor.backToBackP50.toFixed(2)} / ${floor.spacedP50.toFixed(2)}`, '', ''],
          ['bus floor: machine CPU per run ms / host steal % / messages left unacknowledged', `${floor.cpuMsPerRun.toFixed(1)} / ${floor.stealPercent.toFixed(1)} / ${floor.leftOver}`, '', ''],
          [`10-step DAG: plan steps / widest layer`, `${dag.steps} / ${dag.maxParallel}`, '10 / 4', dag.steps === 10 && dag.maxParallel === 4 ? 'yes' : 'NO'],
          ['10-step DAG: run ms', dag.runMs.toFixed(0), '', ''],
          ['10-step DAG: critical path ms (plan call + longest chain of steps)', dag.criticalPathMs.toFixed(0), '', ''],
          ['10-step DAG: run / critical path', dag.ratio.toFixed(2), '<= 1.3', dag.ratio <= 1.3 ? 'yes' : 'NO'],
          [`${CONCURRENT_RUNS} concurrent runs: completed / failed`, `${fast.concurrent.completed} / ${fast.concurrent.failed}`, `${CONCURRENT_RUNS} / 0`, fast.concurrent.completed === CONCURRENT_RUNS ? 'yes' : 'NO'],
          [`${CONCURRENT_RUNS} concurrent runs: all done in s`, (fast.concurrent.elapsedMs / 1000).toFixed(1), '', ''],
          [`${CONCURRENT_RUNS} concurrent runs: run latency p50 / p95 ms`, `${fast.concurrent.latencyP50} / ${fast.concurrent.latencyP95}`, '', ''],
        ],
      ),
    );
    write();
    write(`simple run, where the time goes: ms from the request to each event's creation by its producer (median of the last ${fast.timeline.runs} runs)`);
    write(table(['event', 'ms after run.requested', 'runs with it'], fast.timeline.rows.map((row) => [row.type, row.medianMs, row.runs])));
    write();
    const { inRun, after, runMs } = fast.spaced.cpu;
    write(
      `simple run, one at a time: CPU ms per run by process, while the run is under way (request sent to answer, ${runMs.toFixed(1)} ms on average: ` +
        `${(sum(inRun) / runMs).toFixed(2)} of ${availableParallelism()} cores busy) and in the ${SPACING_MS} ms idle after it; the kernel counts in 10 ms ticks, so these are means over ${SPACED_RUNS} runs`,
    );
    const processes = [...inRun.keys()].sort((a, b) => (inRun.get(b) ?? 0) - (inRun.get(a) ?? 0));
    write(
      table(
        ['process', 'during the run', 'after it'],
        [...processes.map((name) => [name, (inRun.get(name) ?? 0).toFixed(1), (after.get(name) ?? 0).toFixed(1)]), ['all', sum(inRun).toFixed(1), sum(after).toFixed(1)]],
      ),
    );
  } finally {
    await stopInfrastructure(stateDir);
  }
}

async function withPlatform<T>(infrastructure: InfrastructureUrls, secret: string, latencyMs: number, hosts: string[][], work: (gateway: string) => Promise<T>): Promise<T> {
  const env = { SIGIL_JWT_SECRET: secret, SIGIL_JWT_ISSUER: 'sigil-bench', SIGIL_LOG_LEVEL: 'error', SIGIL_LOCAL_LLM_LATENCY_MS: String(latencyMs) };
  const platform = await startPlatformProcesses(root, stateDir, infrastructure, env, `bench-${latencyMs}`, hosts);
  try {
    return await work(platform.gateway);
  } finally {
    await platform.stop();
  }
}

async function createAgents(gateway: string, tokens: string[]): Promise<void> {
  await Promise.all(tokens.map((token) => call(gateway, token, 'POST', '/v7/agents', { name: 'bench_agent', stratum: 'RTI', description: 'benchmark agent' })));
}

const WARM_UP_RUNS = 20;
/** The last measured runs whose stored events show where a run's time goes. */
const TIMELINE_RUNS = 50;

const simpleRun = async (gateway: string, token: string, input: string) => {
  const run = await call(gateway, token, 'POST', '/v7/agents/bench_agent/run', { input });
  if (run.body.status !== 'completed') throw new Error(`simple run ended ${String(run.body.status)}`);
  return run;
};

/**
 * Sequential synchronous runs of a simple question: the gateway's Server-Timing `run` is accepted →
 * completed. The machine's CPU time over the measured runs shows how much of the wait is work queued
 * on busy cores: every service, NATS and Postgres share this machine's cores.
 */
async function simpleRuns(gateway: string, token: string) {
  for (let index = 0; index < WARM_UP_RUNS; index++) await simpleRun(gateway, token, `What time is it? (${index})`);
  const waits: number[] = [];
  const clients: number[] = [];
  const sessions: string[] = [];
  const [cpuBefore, measuredFrom] = [machineCpuTimes(), performance.now()];
  for (let index = WARM_UP_RUNS; index < WARM_UP_RUNS + SIMPLE_RUNS; index++) {
    const started = performance.now();
    const run = await simpleRun(gateway, token, `What time is it? (${index})`);
    clients.push(performance.now() - started);
    waits.push(serverTiming(run.headers, 'run'));
    sessions.push(String(run.body.session_id));
  }
  const cpuAfter = machineCpuTimes();
  const busyMs = cpuAfter.busyMs - cpuBefore.busyMs;
  return {
    waitP50: percentile(waits, 50),
    waitP95: percentile(waits, 95),
    clientP50: percentile(clients, 50),
    cpuMsPerRun: busyMs / SIMPLE_RUNS,
    coresBusy: busyMs / (performance.now() - measuredFrom),
    stealPercent: stealPercent(cpuBefore, cpuAfter),
    sessions,
  };
}

const SPACED_RUNS = 100;
const SPACING_MS = 100;

/**
 * The same run with the platform idle before each: only the run's own work shares the cores, not the
 * work the previous run left behind (its memory extraction, event log writes), which back-to-back
 * runs meet. The difference says how much of the sequential p50 is the bench's pace. Each process's
 * CPU while a run is under way, against the cores, says whether the run waits for the cores.
 */
async function spacedSimpleRuns(gateway: string, token: string) {
  const processes = stackProcesses();
  // The bench's own CPU is read apart and nearest the request, so its readings of /proc count after the run, not during it.
  const ownMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const [inRun, after] = [new Map<string, number>(), new Map<string, number>()];
  const waits: number[] = [];
  let [lastEnd, lastOwnMs, runMs] = [processTable(), ownMs(), 0];
  for (let index = 0; index < SPACED_RUNS; index++) {
    await new Promise((resolve) => setTimeout(resolve, SPACING_MS));
    const start = processTable();
    const ownAtStart = ownMs();
    const sentAt = performance.now();
    waits.push(serverTiming((await simpleRun(gateway, token, `What time is it? (spaced ${index})`)).headers, 'run'));
    runMs += performance.now() - sentAt;
    const ownAtEnd = ownMs();
    const end = processTable();
    add(after, treeCpuMsBetween(processes, lastEnd, start), ownAtStart - lastOwnMs);
    add(inRun, treeCpuMsBetween(processes, start, end), ownAtEnd - ownAtStart);
    [lastEnd, lastOwnMs] = [end, ownAtEnd];
  }
  const perRun = (used: Map<string, number>) => new Map([...used].map(([name, ms]) => [name, ms / SPACED_RUNS]));
  return { waitP50: percentile(waits, 50), cpu: { inRun: perRun(inRun), after: perRun(after), runMs: runMs / SPACED_RUNS } };
}

const BENCH_CLIENT = 'bench client (HTTP; after: its readings)';

/** The local stack's background processes (NATS, PostgreSQL, Redis, the services), named as their pid files are, without the platform's prefix. */
function stackProcesses(): Map<number, string> {
  const named = new Map<number, string>();
  for (const file of readdirSync(stateDir).filter((name) => name.endsWith('.pid'))) {
    const name = file.slice(0, -'.pid'.length);
    const pid = runningPid(stateDir, name);
    if (pid) named.set(pid, name.replace(/^bench-\d+-/, ''));
  }
  return named;
}

function add(into: Map<string, number>, used: Map<string, number>, benchClientMs: number): void {
  for (const [name, ms] of [...used, [BENCH_CLIENT, benchClientMs] as const]) into.set(name, (into.get(name) ?? 0) + ms);
}

const sum = (used: Map<string, number>) => [...used.values()].reduce((total, ms) => total + ms, 0);

/** Read after the measured runs, so the reads do not load them. Each simple run is its session's only run. */
async function simpleRunTimeline(gateway: string, token: string, sessions: string[]) {
  const runs: StoredEvent[][] = [];
  for (const sessionId of sessions) runs.push(await storedThroughCompletion(gateway, token, sessionId));
  return { runs: runs.length, rows: runTimeline(runs, 'sigil.run.v1.requested') };
}

/** Runs accepted at once (async), spread over tenants so no tenant's rate limit is what is measured, then awaited. */
async function concurrentRuns(gateway: string, tokens: string[]) {
  const started = performance.now();
  const accepted = await Promise.all(
    Array.from({ length: CONCURRENT_RUNS }, async (_, index) => {
      const token = tokens[index % tokens.length];
      const run = await call(gateway, token, 'POST', '/v7/agents/bench_agent/run', { input: `Summarise item ${index} of the backlog`, async: true });
      return { token, runId: String(run.body.run_id) };
    }),
  );
  const outcomes = await Promise.all(accepted.map(({ token, runId }) => finished(gateway, token, runId, 120_000)));
  const latencies = outcomes.filter((outcome) => outcome.status === 'completed').map((outcome) => outcome.latencyMs);
  return {
    completed: outcomes.filter((outcome) => outcome.status === 'completed').length,
    failed: outcomes.filter((outcome) => outcome.status !== 'completed').length,
    elapsedMs: performance.now() - started,
    latencyP50: Math.round(percentile(latencies, 50)),
    latencyP95: Math.round(percentile(latencies, 95)),
  };
}

async function finished(gateway: string, token: string, runId: string, timeoutMs: number): Promise<{ status: string; latencyMs: number }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const run = await call(gateway, token, 'GET', `/v7/runs/${runId}`);
    const status = String(run.body.status);
    if (!['accepted', 'running'].includes(status)) {
      return { status, latencyMs: Number((run.body.metadata as { latency_ms?: number } | undefined)?.latency_ms ?? NaN) };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { status: 'timed out', latencyMs: NaN };
}

/**
 * One run of the ten-step goal. Its critical path is measured, not assumed: the plan call plus the
 * longest chain of step durations (requested → completed, from the stored events), so the ratio
 * shows what parallel dispatch and the hops between steps add on top of the work itself.
 */
async function dagRun(gateway: string, token: string) {
  const sessionId = `dag-${randomUUID()}`;
  const run = await call(gateway, token, 'POST', '/v7/agents/bench_agent/run', { input: TEN_STEP_GOAL, session_id: sessionId, timeout_ms: 120_000 });
  if (run.body.status !== 'completed') throw new Error(`DAG run ended ${String(run.body.status)}: ${JSON.stringify(run.body)}`);
  const events = await storedThroughCompletion(gateway, token, sessionId);
  const at = (event: StoredEvent) => Date.parse(event.time);
  const requested = events.find((event) => event.type === 'sigil.run.v1.requested');
  const completed = events.find((event) => event.type === 'sigil.run.v1.completed');
  const plan = events.find((event) => event.type === 'sigil.run.v1.plan_created');
  if (!requested || !completed || !plan) throw new Error('the DAG run is missing its requested, plan_created or completed event');
  const planSteps = ((plan.payload.plan as { steps: { stepId: string; dependsOn?: string[] }[] }).steps ?? []).map((step) => ({ id: step.stepId, dependsOn: step.dependsOn ?? [] }));
  const durations = stepDurations(events, at);
  const planCall = durations.get('plan') ?? 0;
  const longestChain = new Map<string, number>();
  for (const step of planSteps) {
    const before = Math.max(0, ...step.dependsOn.map((id) => longestChain.get(id) ?? 0));
    longestChain.set(step.id, before + (durations.get(step.id) ?? 0));
  }
  const criticalPathMs = planCall + Math.max(0, ...longestChain.values());
  const runMs = at(completed) - at(requested);
  return { steps: planSteps.length, maxParallel: maxInFlight(events, at), runMs, criticalPathMs, ratio: runMs / criticalPathMs };
}

/** Plan step id → ms from its (last attempt's) request to its result; step ids are `<run>:<plan step>:<attempt>`. */
function stepDurations(events: StoredEvent[], at: (event: StoredEvent) => number): Map<string, number> {
  const requestedAt = new Map<string, number>();
  const durations = new Map<string, number>();
  for (const event of events) {
    const stepId = String(event.payload.stepId ?? '');
    const planStepId = stepId.split(':').at(-2) ?? stepId;
    if (event.type === 'sigil.reasoning.v1.step_requested') requestedAt.set(stepId, at(event));
    if (event.type === 'sigil.reasoning.v1.step_completed' && requestedAt.has(stepId)) durations.set(planStepId, at(event) - (requestedAt.get(stepId) ?? 0));
  }
  return durations;
}

/** The most plan steps in flight at once, from the stored requested/completed events. */
function maxInFlight(events: StoredEvent[], at: (event: StoredEvent) => number): number {
  const changes = events
    .filter((event) => event.type === 'sigil.reasoning.v1.step_requested' || event.type === 'sigil.reasoning.v1.step_completed')
    .filter((event) => !String(event.payload.stepId ?? '').includes(':plan:'))
    .map((event) => ({ at: at(event), delta: event.type === 'sigil.reasoning.v1.step_requested' ? 1 : -1 }))
    .sort((a, b) => a.at - b.at || a.delta - b.delta);
  let inFlight = 0;
  let most = 0;
  for (const change of changes) {
    inFlight += change.delta;
    most = Math.max(most, inFlight);
  }
  return most;
}

/** The session's events once the run's completion is among them: the event-store stores each a moment after it crossed the bus. */
async function storedThroughCompletion(gateway: string, token: string, sessionId: string): Promise<StoredEvent[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const events = await sessionEvents(gateway, token, sessionId);
    if (events.some((event) => event.type === 'sigil.run.v1.completed') || Date.now() > deadline) return events;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function sessionEvents(gateway: string, token: string, sessionId: string): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (let page = 1; ; page++) {
    const reply = await call(gateway, token, 'GET', `/v7/sessions/${sessionId}/events?page=${page}&per_page=100`);
    const batch = reply.body.events as { type: string; time: string; payload: Record<string, unknown> }[];
    events.push(...batch);
    if (batch.length < 100) return events;
  }
}

await main();
