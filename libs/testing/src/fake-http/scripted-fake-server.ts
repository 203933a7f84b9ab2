import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as a fake server saw it. */
export interface RecordedHttpRequest {
  method: string;
  path: string;
  /** Lower-case header names, as Node gives them. */
  headers: Record<string, string>;
  /** The parsed JSON body (the raw text when it is not JSON). */
  body: unknown;
  receivedAt: number;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parsed(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Reads the request whole and describes it; `raw` is the body as sent. */
export async function readRequest(request: IncomingMessage): Promise<{ recorded: RecordedHttpRequest; raw: string }> {
  const raw = await readBody(request);
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
  return { recorded: { method: request.method ?? '', path: request.url ?? '', headers, body: parsed(raw), receivedAt: Date.now() }, raw };
}

/** Resolves after `ms`, or as soon as the client has gone. */
export function pause(ms: number | undefined, response: ServerResponse): Promise<void> {
  if (!ms || response.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      response.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    response.once('close', done);
  });
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/**
 * What the fake API servers share: a loopback HTTP server whose replies tests script in order, and
 * the requests it recorded. Each subclass speaks its API in `handle`.
 */
export abstract class ScriptedFakeServer<Reply, Recorded extends RecordedHttpRequest> {
  readonly requests: Recorded[] = [];
  protected readonly scripted: Reply[] = [];
  private readonly server: Server = createServer((request, response) => {
    this.handle(request, response).catch(() => response.destroy());
  });
  private port = 0;

  /** Starts listening on a free loopback port. */
  protected async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  protected get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Queues replies for the next requests, in order. */
  script(replies: Reply[]): void {
    this.scripted.push(...replies);
  }

  /** Scripted replies not used yet. */
  get pendingReplies(): number {
    return this.scripted.length;
  }

  /** Forgets the script and the recorded requests (between tests). */
  reset(): void {
    this.scripted.length = 0;
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  protected abstract handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
}
