import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { findBinary } from './binaries';
import type { ServerInstance } from './nats';
import { logFile, portIsOpen, startBackground, waitFor } from './processes';

/** Redis on loopback with its working directory under `<stateDir>/redis`. */
export async function startRedis(stateDir: string, port: number): Promise<ServerInstance> {
  const dataDir = path.join(stateDir, 'redis');
  mkdirSync(dataDir, { recursive: true });
  startBackground({
    name: 'redis',
    command: findBinary('redis-server'),
    args: ['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
    stateDir,
  });
  await waitFor(`redis-server on ${port}`, () => portIsOpen(port), 20_000, logFile(stateDir, 'redis'));
  return { url: `redis://127.0.0.1:${port}`, port };
}
