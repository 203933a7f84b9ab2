import { freePort, startInfrastructure } from '@sigil/local-stack';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { harnessStateDir } from './harness-paths';

/**
 * Starts a throwaway nats-server, PostgreSQL and Redis for the integration suite and hands their
 * URLs to the tests through the environment (the suite runs in band, in this process).
 */
export default async function globalSetup(): Promise<void> {
  const stateDir = harnessStateDir();
  rmSync(stateDir, { recursive: true, force: true });
  mkdirSync(path.dirname(stateDir), { recursive: true });
  const ports = { nats: await freePort(), postgres: await freePort(), redis: await freePort() };
  const urls = await startInfrastructure(stateDir, ports, { durable: false });
  process.env.NATS_URL = urls.natsUrl;
  process.env.DATABASE_URL = urls.databaseUrl;
  process.env.REDIS_URL = urls.redisUrl;
  process.env.SIGIL_TEST_STATE_DIR = stateDir;
}
