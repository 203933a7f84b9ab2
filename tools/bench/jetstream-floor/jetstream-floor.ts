import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connectToNats, consumerConfig, defaultConsumerOptions, ensureStreams, streamConfigs } from '@sigil/messaging';
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { machineCpuTimes, stealPercent } from '../machine-cpu';
import { percentile } from '../percentiles';
import { publishFloor, RUN_HEADER } from './floor-service';
import { FLOOR_COMPLETED, FLOOR_CONSUMERS, FLOOR_REQUESTED, FLOOR_STREAMS, floorServices } from './floor-topology';

export interface FloorOptions {
  warmUpRuns: number;
  /** Runs one after another, as the bench's sequential simple runs. */
  runs: number;
  /** Runs with the machine idle for spacingMs before each. */
  spacedRuns: number;
  spacingMs: number;
  /** Starts one service's consumers; by default each in a process of its own. */
  startService?: (natsUrl: string, service: string) => Promise<{ stop: () => Promise<void> }>;
}

export interface FloorResult {
  backToBackP50: number;
  spacedP50: number;
  /** Machine CPU (every process) per back-to-back run, and the host's steal meanwhile. */
  cpuMsPerRun: number;
  stealPercent: number;
  /** Messages still pending or unacknowledged on any consumer once the runs are done: 0 when every hop took its messages. */
  leftOver: number;
}

const RUN_TIMEOUT_MS = 10_000;
/** How long the consumers off the run's path (event-store, memory's store) get to finish after the last run. */
const SETTLE_MS = 5_000;

/**
 * The bus's own share of a simple run on this machine: the run's messages through JetStream, with
 * the platform's streams, consumers and fan-out but nothing done at any hop, timed from the request's
 * publish to the completion heard on plain NATS, as the gateway times a run.
 */
export async function measureJetStreamFloor(natsUrl: string, options: FloorOptions): Promise<FloorResult> {
  const connection = await connectToNats(natsUrl, 'floor-driver');
  const jsm = await jetstreamManager(connection);
  await createTopology(jsm);
  const start = options.startService ?? startInOwnProcess;
  const started = await Promise.allSettled(floorServices().map((service) => start(natsUrl, service)));
  const services = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const failed = started.find((outcome) => outcome.status === 'rejected');
  if (failed) {
    // The services that did start are stopped, so a failed start leaves no process behind.
    await Promise.all(services.map((service) => service.stop()));
    await connection.close();
    throw failed.reason;
  }
  const waiting = new Map<string, () => void>();
  const completions = connection.subscribe(FLOOR_COMPLETED, {
    callback: (_error, message) => {
      const runId = message.headers?.get(RUN_HEADER) ?? '';
      waiting.get(runId)?.();
      waiting.delete(runId);
    },
  });
  try {
    await connection.flush();
    const js = jetstream(connection);
    const run = async (): Promise<number> => {
      const runId = randomUUID();
      let timer: NodeJS.Timeout | undefined;
      const completed = new Promise<void>((resolve, reject) => {
        waiting.set(runId, resolve);
        timer = setTimeout(() => reject(new Error(`floor run ${runId} did not complete within ${RUN_TIMEOUT_MS} ms`)), RUN_TIMEOUT_MS);
      });
      const startedAt = performance.now();
      try {
        await publishFloor(js, FLOOR_REQUESTED, runId);
        await completed;
        return performance.now() - startedAt;
      } finally {
        clearTimeout(timer);
      }
    };
    for (let index = 0; index < options.warmUpRuns; index++) await run();
    const before = machineCpuTimes();
    const backToBack: number[] = [];
    for (let index = 0; index < options.runs; index++) backToBack.push(await run());
    const after = machineCpuTimes();
    const spaced: number[] = [];
    for (let index = 0; index < options.spacedRuns; index++) {
      await new Promise((resolve) => setTimeout(resolve, options.spacingMs));
      spaced.push(await run());
    }
    const leftOver = await settledLeftOver(jsm);
    return {
      leftOver,
      backToBackP50: percentile(backToBack, 50),
      spacedP50: percentile(spaced, 50),
      cpuMsPerRun: (after.busyMs - before.busyMs) / options.runs,
      stealPercent: stealPercent(before, after),
    };
  } finally {
    completions.unsubscribe();
    await Promise.all(services.map((service) => service.stop()));
    for (const stream of Object.keys(FLOOR_STREAMS)) await jsm.streams.delete(stream).catch(() => false);
    await connection.close();
  }
}

/** The platform's own stream and consumer declarations (`streamConfigs`, `consumerConfig`), for the floor's subjects. */
async function createTopology(jsm: JetStreamManager): Promise<void> {
  const subjects = Object.entries(FLOOR_STREAMS).flatMap(([stream, names]) => names.map((subject) => ({ stream, subject })));
  await ensureStreams(jsm, streamConfigs(subjects).filter((config) => Object.hasOwn(FLOOR_STREAMS, config.name)));
  for (const consumer of FLOOR_CONSUMERS) {
    await jsm.consumers.add(consumer.stream, consumerConfig({ durableName: consumer.durableName, options: defaultConsumerOptions, filterSubject: consumer.subject }));
  }
}

async function settledLeftOver(jsm: JetStreamManager): Promise<number> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    let left = 0;
    for (const consumer of FLOOR_CONSUMERS) {
      const info = await jsm.consumers.info(consumer.stream, consumer.durableName);
      left += info.num_pending + info.num_ack_pending;
    }
    if (left === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function startInOwnProcess(natsUrl: string, service: string): Promise<{ stop: () => Promise<void> }> {
  const child = fork(path.join(import.meta.dirname, 'floor-child.js'), [natsUrl, service], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve({ stop: () => (child.kill('SIGTERM'), exited) }));
    child.once('exit', (code) => reject(new Error(`floor service ${service} exited with ${code} before it was ready`)));
  });
}
