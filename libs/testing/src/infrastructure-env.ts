import type { InfrastructureUrls } from '@sigil/local-stack';

/** The servers globalSetup started for this run (the integration project runs in band). */
export function testInfrastructure(): InfrastructureUrls {
  const { NATS_URL, DATABASE_URL, REDIS_URL } = process.env;
  if (!NATS_URL || !DATABASE_URL || !REDIS_URL) {
    throw new Error('integration tests need the harness: run them with ./sigil test (or jest --selectProjects int)');
  }
  return { natsUrl: NATS_URL, databaseUrl: DATABASE_URL, redisUrl: REDIS_URL };
}

export function testStateDir(): string {
  const dir = process.env.SIGIL_TEST_STATE_DIR;
  if (!dir) throw new Error('SIGIL_TEST_STATE_DIR is not set: run through the integration harness');
  return dir;
}
