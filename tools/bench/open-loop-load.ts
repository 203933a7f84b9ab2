import { connect, type Socket } from 'node:net';

export interface OpenLoopOptions {
  origin: string;
  path: string;
  ratePerSecond: number;
  durationS: number;
  /** Keep-alive connections the requests are spread over; a busy one pipelines, and the wait counts. */
  connections: number;
  /** Requests take these header sets in turn (one per tenant, say); each is encoded once. */
  headerSets: Record<string, string>[];
}

export interface OpenLoopResult {
  sent: number;
  achievedPerSecond: number;
  /** Scheduled send time to response end, ms: lateness of the generator or a connection counts against the server. */
  latencies: number[];
  non200: number;
}

/** How many requests of a constant-rate schedule are due `elapsedMs` after it began. */
export const requestsDue = (elapsedMs: number, ratePerSecond: number): number => Math.floor((elapsedMs * ratePerSecond) / 1000);

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;

/** Reads HTTP/1.1 responses off one keep-alive connection, in order, and reports each as it completes. */
export class ResponseReader {
  private buffered: Buffer = Buffer.alloc(0);

  constructor(private readonly onResponse: (status: number) => void) {}

  push(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    for (;;) {
      const headerEnd = this.buffered.indexOf(HEADER_END);
      if (headerEnd < 0) return;
      const head = this.buffered.toString('latin1', 0, headerEnd);
      const length = Number(CONTENT_LENGTH.exec(head)?.[1] ?? 0);
      const end = headerEnd + HEADER_END.length + length;
      if (this.buffered.length < end) return;
      this.onResponse(Number(head.slice(9, 12)));
      this.buffered = this.buffered.subarray(end);
    }
  }
}

/**
 * An open-loop load, as wrk2 makes it: requests go out on a fixed schedule whatever the server's
 * pace, each timed from when it was due, not from when it went out, so coordinated omission cannot
 * hide a stall. Requests are prebuilt bytes on raw sockets and latencies go into a preallocated
 * array, so the generator costs little of the cores it shares with the server and makes next to no
 * garbage: a collection pause of its own would be counted against the server. autocannon's
 * `overallRate` is not this: each connection sends flat out until its per-second quota is spent and
 * then idles, so the server sees saturated bursts.
 */
export async function openLoopLoad(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const { hostname, port } = new URL(options.origin);
  const requests = options.headerSets.map((headers) => encodeRequest(options.path, { host: `${hostname}:${port}`, ...headers }));
  const total = requestsDue(options.durationS * 1000, options.ratePerSecond);
  const latencies = new Float64Array(total);
  let answered = 0;
  let non200 = 0;
  const intervalMs = 1000 / options.ratePerSecond;
  let started = 0;
  const sockets = await Promise.all(
    Array.from({ length: options.connections }, async () => {
      const socket = await new Promise<Socket>((resolve, reject) => {
        const opened = connect({ host: hostname, port: Number(port), noDelay: true }, () => resolve(opened));
        opened.once('error', reject);
      });
      // The indexes of this connection's requests awaiting an answer, in order; a request's due time follows from its index.
      const awaiting: number[] = [];
      const reader = new ResponseReader((status) => {
        const index = awaiting.shift() as number;
        latencies[answered++] = performance.now() - (started + index * intervalMs);
        if (status !== 200) non200++;
      });
      socket.on('data', (chunk: Buffer) => reader.push(chunk));
      socket.on('error', () => undefined);
      return { socket, awaiting };
    }),
  );

  started = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, requestsDue(performance.now() - started, options.ratePerSecond));
    for (; sent < due; sent++) {
      const connection = sockets[sent % sockets.length];
      connection.awaiting.push(sent);
      connection.socket.write(requests[sent % requests.length]);
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const drainBy = performance.now() + 30_000;
  while (answered < sent && performance.now() < drainBy) await new Promise((resolve) => setTimeout(resolve, 5));
  const elapsedS = (performance.now() - started) / 1000;
  for (const { socket } of sockets) socket.destroy();
  return { sent, achievedPerSecond: answered / elapsedS, latencies: Array.from(latencies.subarray(0, answered)), non200: non200 + sent - answered };
}

function encodeRequest(path: string, headers: Record<string, string>): Buffer {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return Buffer.from(`GET ${path} HTTP/1.1\r\n${lines.join('')}\r\n`);
}
