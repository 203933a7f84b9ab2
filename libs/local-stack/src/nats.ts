import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { findBinary } from './binaries';
import { logFile, portIsOpen, startBackground, waitFor } from './processes';

export interface ServerInstance {
  url: string;
  port: number;
}

/** NATS with JetStream on loopback, its store under `<stateDir>/nats`. */
export async function startNats(stateDir: string, port: number): Promise<ServerInstance> {
  const storeDir = path.join(stateDir, 'nats');
  mkdirSync(storeDir, { recursive: true });
  startBackground({
    name: 'nats',
    command: findBinary('nats-server'),
    args: ['--jetstream', '--addr', '127.0.0.1', '--port', String(port), '--store_dir', storeDir, '--server_name', 'sigil-local'],
    stateDir,
  });
  await waitFor(`nats-server on ${port}`, () => portIsOpen(port), 20_000, logFile(stateDir, 'nats'));
  return { url: `nats://127.0.0.1:${port}`, port };
}
