import autocannon from 'autocannon';
import { freeInfrastructurePorts, mintToken, runningPid, startInfrastructure, startPlatformProcesses, stopInfrastructure } from '@sigil/local-stack';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { call, serverTiming } from './bench-http';
import { gcPausesBetween, gcPausesOf, type GcPauses } from './gc-pauses';
import { machineCpuTimes, processCpuMs, stealPercent } from './machine-cpu';
import type { OpenLoopOptions } from './open-loop-load';
import { openLoopInOwnProcess } from './open-loop-process';
import { percentile, table } from './percentiles';

/**
 * Issue 3's targets, measured on this machine with authentication and rate limiting on:
 * GET /v7/agents/{name} throughput and latency, and the gateway's own share of a run's latency.
 * Tenants are many so that no tenant's enterprise limit (2,000 requests a minute) is what is measured:
 * 1,000 of them cover 33,000 requests/s sustained for a whole minute. With 250, a quick host (22,000/s
 * saturated) used up every tenant's minute and the next trial met 429s.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const stateDir = path.join(root, '.sigil', 'bench');
const TENANTS = 1_000;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const TARGET_RATE = 5_000;
/** The open-loop rate; another value than the target shows where the latency bends. */
const OFFERED_RATE = Number(process.env.BENCH_OFFERED_RATE ?? TARGET_RATE);
const OPEN_LOOP_CONNECTIONS = Number(process.env.BENCH_OPEN_LOOP_CONNECTIONS ?? 64);
/** Open-loop trials at the offered rate, each reported: one trial's tail says more about the host's neighbours that minute than about the gateway. */
const TRIALS = Number(process.env.BENCH_TRIALS ?? 3);
const write = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  rmSync(stateDir, { recursive: true, force: true });
  const infrastructure = await startInfrastructure(stateDir, await freeInfrastructurePorts(), { durable: false });
  const secret = randomBytes(32).toString('hex');
  const platform = await startPlatformProcesses(root, stateDir, infrastructure, { SIGIL_JWT_SECRET: secret, SIGIL_JWT_ISSUER: 'sigil-bench', SIGIL_LOG_LEVEL: 'error' }, 'bench');
  try {
    const tokens = await Promise.all(
      Array.from({ length: TENANTS }, (_, index) => mintToken(secret, { tenantId: `bench-${index}`, scope: 'admin', tier: 'enterprise', issuer: 'sigil-bench' })),
    );
    await Promise.all(tokens.map((token) => call(platform.gateway, token, 'POST', '/v7/agents', { name: 'bench_agent', stratum: 'RTI', description: 'benchmark agent' })));
    const gatewayPid = runningPid(stateDir, 'bench-gateway');
    if (!gatewayPid) throw new Error('the gateway process is not running');
    const reads = await readBenchmark(platform.gateway, gatewayPid, tokens);
    const floor = await fastifyFloor();
    const runs = await runBenchmark(platform.gateway, tokens[0]);
    const notOk = reads.saturated.non200 + reads.trials.reduce((sum, trial) => sum + trial.non200, 0);
    write();
    write(`gateway benchmark: ${CONNECTIONS} connections, ${DURATION_S} s, ${TENANTS} tenants (enterprise tier), JWT auth + Redis rate limits on`);
    write(
      table(
        ['measure', 'value', 'target', 'met'],
        [
          ['GET /v7/agents/{name} requests/s, saturated', Math.round(reads.saturated.requestsPerSecond), '>= 5000', reads.saturated.requestsPerSecond >= TARGET_RATE ? 'yes' : 'NO'],
          ['  p50 / p99 ms when saturated', `${reads.saturated.p50} / ${reads.saturated.p99}`, '', ''],
          ...reads.trials.flatMap((trial, index) => [
            [`GET at ${OFFERED_RATE} requests/s offered (open loop), trial ${index + 1}: p99 ms`, trial.p99, OFFERED_RATE >= TARGET_RATE ? '< 20' : `< 20 at ${TARGET_RATE}`, OFFERED_RATE >= TARGET_RATE && trial.p99 < 20 ? 'yes' : 'NO'],
            [`  achieved requests/s`, Math.round(trial.requestsPerSecond), `>= ${OFFERED_RATE * 0.98}`, trial.requestsPerSecond >= OFFERED_RATE * 0.98 ? 'yes' : 'NO'],
            [`  p50 ms / gateway CPU µs per request / host steal %`, `${trial.p50} / ${Math.round(trial.cpuUsPerRequest)} / ${trial.stealPercent.toFixed(1)}`, '', ''],
            [`  gateway GC pauses: scavenges / mean ms; mark-compacts / mean ms`, `${pausesCell(trial.scavenges)}; ${pausesCell(trial.markCompacts)}`, '', ''],
          ]),
          [`bare Fastify, same load: p99 ms / CPU µs per request / host steal %`, `${floor.p99} / ${Math.round(floor.cpuUsPerRequest)} / ${floor.stealPercent.toFixed(1)}`, '', ''],
          ['GET responses not 200', notOk, '0', notOk === 0 ? 'yes' : 'NO'],
          [`run: gateway added p50 ms (${RUNS} sync runs)`, runs.addedP50.toFixed(2), '< 2', runs.addedP50 < 2 ? 'yes' : 'NO'],
          ['run: gateway added p95 ms', runs.addedP95.toFixed(2), '', ''],
          ['run: client latency p50 ms', runs.totalP50.toFixed(2), '', ''],
          ['run: wait for the platform p50 ms', runs.waitP50.toFixed(2), '', ''],
          ['run: host steal % over the runs', runs.stealPercent.toFixed(1), '', ''],
        ],
      ),
    );
  } finally {
    await platform.stop();
    await stopInfrastructure(stateDir);
  }
}

/**
 * Each request carries the next tenant's token, as many clients would. Two measures: the most the
 * gateway serves (autocannon's connections sending as fast as they are answered, where latency is
 * mostly queueing behind a saturated core), and the latency at the target rate offered as an open
 * loop, evenly spaced and timed from when each request was due (see open-loop-load.ts).
 */
async function readBenchmark(gateway: string, gatewayPid: number, tokens: string[]) {
  let next = 0;
  const nextToken = () => `Bearer ${tokens[next++ % tokens.length]}`;
  const saturate = async (duration: number) => {
    const result = await autocannon({
      url: `${gateway}/v7/agents/bench_agent`,
      connections: CONNECTIONS,
      duration,
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, headers: { authorization: nextToken() } }) }],
    });
    return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non200: result.non2xx + result.errors + result.timeouts };
  };
  await saturate(3);
  const saturated = await saturate(DURATION_S);
  const headerSets = tokens.map((token) => ({ authorization: `Bearer ${token}` }));
  const trials = [];
  for (let trial = 0; trial < TRIALS; trial++) trials.push(await withGcPauses(gateway, () => offerTargetRate(gateway, gatewayPid, headerSets)));
  return { saturated, trials };
}

/**
 * The open loop at the offered rate, with the CPU the serving process spent on each request and the
 * share of the cores the hypervisor gave to other guests meanwhile (steal): on this shared host the
 * p99 follows steal more than anything of ours (ADR 0007).
 */
async function offerTargetRate(origin: string, serverPid: number, headerSets: OpenLoopOptions['headerSets']) {
  const [cpuBefore, machineBefore] = [processCpuMs(serverPid), machineCpuTimes()];
  const offered = await openLoopInOwnProcess({ origin, path: '/v7/agents/bench_agent', ratePerSecond: OFFERED_RATE, durationS: DURATION_S, connections: OPEN_LOOP_CONNECTIONS, headerSets });
  return {
    stealPercent: stealPercent(machineBefore, machineCpuTimes()),
    requestsPerSecond: offered.achievedPerSecond,
    p50: round(percentile(offered.latencies, 50)),
    p99: round(percentile(offered.latencies, 99)),
    non200: offered.non200,
    cpuUsPerRequest: ((processCpuMs(serverPid) - cpuBefore) * 1_000) / offered.latencies.length,
  };
}

/**
 * The gateway's collection pauses over a measurement, from its own metrics (prom-client's GC
 * histogram): a scavenge stops every request in flight, so their length is the tail's first suspect.
 */
async function withGcPauses<T>(gateway: string, measure: () => Promise<T>): Promise<T & { scavenges: GcPauses; markCompacts: GcPauses }> {
  const read = async () => {
    const response = await fetch(`${gateway}/metrics`);
    if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
    const text = await response.text();
    return { minor: gcPausesOf(text, GATEWAY_METRICS_PREFIX, 'minor'), major: gcPausesOf(text, GATEWAY_METRICS_PREFIX, 'major') };
  };
  const before = await read();
  const result = await measure();
  const after = await read();
  return { ...result, scavenges: gcPausesBetween(before.minor, after.minor), markCompacts: gcPausesBetween(before.major, after.major) };
}

const GATEWAY_METRICS_PREFIX = 'sigil_gateway_';
const pausesCell = (pauses: GcPauses) => `${pauses.count} / ${pauses.count === 0 ? '-' : (pauses.totalMs / pauses.count).toFixed(2)}`;

/** The same open loop against fastify-floor-server: what any Node HTTP service costs on this machine today. */
async function fastifyFloor() {
  const server = fork(path.join(import.meta.dirname, 'fastify-floor-server.js'), { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.once('message', (message) => resolve(Number(message)));
      server.once('exit', (code) => reject(new Error(`the Fastify floor server exited with ${code}`)));
    });
    if (!server.pid) throw new Error('the Fastify floor server has no pid');
    const origin = `http://127.0.0.1:${port}`;
    await openLoopInOwnProcess({ origin, path: '/v7/agents/bench_agent', ratePerSecond: OFFERED_RATE, durationS: 2, connections: OPEN_LOOP_CONNECTIONS, headerSets: [{}] });
    return await offerTargetRate(origin, server.pid, [{}]);
  } finally {
    server.kill();
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * The gateway's share of a run, from its Server-Timing header: authentication, rate limit, agent and
 * budget lookups and the publish, plus building the response once the run completed.
 */
const WARM_UP_RUNS = 20;

async function runBenchmark(gateway: string, token: string) {
  const added: number[] = [];
  const totals: number[] = [];
  const waits: number[] = [];
  const runOnce = (index: number) => call(gateway, token, 'POST', '/v7/agents/bench_agent/run', { input: `question ${index}` });
  for (let index = 0; index < WARM_UP_RUNS; index++) await runOnce(index);
  const machineBefore = machineCpuTimes();
  for (let index = WARM_UP_RUNS; index < WARM_UP_RUNS + RUNS; index++) {
    const started = performance.now();
    const run = await runOnce(index);
    totals.push(performance.now() - started);
    added.push(serverTiming(run.headers, 'gateway'));
    waits.push(serverTiming(run.headers, 'run'));
  }
  return {
    addedP50: percentile(added, 50),
    addedP95: percentile(added, 95),
    totalP50: percentile(totals, 50),
    waitP50: percentile(waits, 50),
    stealPercent: stealPercent(machineBefore, machineCpuTimes()),
  };
}

await main();
