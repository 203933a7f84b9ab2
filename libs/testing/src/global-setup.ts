import { freeInfrastructurePorts, startInfrastructure } from '@sigil/local-stack';
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
  const urls = await startInfrastructure(stateDir, await freeInfrastructurePorts(), { durable: false });
  process.env.NATS_URL = urls.natsUrl;
  process.env.DATABASE_URL = urls.databaseUrl;
  process.env.REDIS_URL = urls.redisUrl;
  process.env.SIGIL_TEST_STATE_DIR = stateDir;
}
