import { Pool } from 'undici';

export interface OpenLoopOptions {
  origin: string;
  path: string;
  ratePerSecond: number;
  durationS: number;
  /** Keep-alive sockets the requests share; a request waits for a free one, and that wait counts. */
  connections: number;
  headers: () => Record<string, string>;
}

export interface OpenLoopResult {
  sent: number;
  achievedPerSecond: number;
  /** Scheduled send time to response end, ms: lateness of the generator or the pool counts against the server. */
  latencies: number[];
  non200: number;
}

/** How many requests of a constant-rate schedule are due `elapsedMs` after it began. */
export const requestsDue = (elapsedMs: number, ratePerSecond: number): number => Math.floor((elapsedMs * ratePerSecond) / 1000);

/**
 * An open-loop load: requests are sent on a fixed schedule whatever the server's pace, and each
 * latency runs from when its request was due, not from when it went out (wrk2's measure, which
 * accounts for coordinated omission). autocannon's `overallRate` is not this: each connection sends
 * flat out until its per-second quota is spent and then idles, so the server sees saturated bursts.
 */
export async function openLoopLoad(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const pool = new Pool(options.origin, { connections: options.connections, pipelining: 1 });
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let non200 = 0;
  const total = requestsDue(options.durationS * 1000, options.ratePerSecond);
  const intervalMs = 1000 / options.ratePerSecond;
  const started = performance.now();
  let sent = 0;

  const send = (dueAt: number) => {
    const request = pool
      .request({ path: options.path, method: 'GET', headers: options.headers() })
      .then(async (response) => {
        await response.body.dump();
        if (response.statusCode !== 200) non200++;
        latencies.push(performance.now() - dueAt);
      })
      .catch(() => {
        non200++;
      })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };

  while (sent < total) {
    const due = Math.min(total, requestsDue(performance.now() - started, options.ratePerSecond));
    for (; sent < due; sent++) send(started + sent * intervalMs);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  const elapsedS = (performance.now() - started) / 1000;
  await pool.close();
  return { sent, achievedPerSecond: latencies.length / elapsedS, latencies, non200 };
}
