import { freePort, migrateAll, PLATFORM_SERVICES, startServiceProcess, stopBackground } from '@sigil/local-stack';
import { testInfrastructure, testStateDir } from '@sigil/testing';
import path from 'node:path';

export interface RunningPlatform {
  urls: Record<string, string>;
  gateway: string;
  stop(): Promise<void>;
}

/** The eight services as real processes from the build, on free ports, against the harness servers. */
export async function startPlatform(extraEnv: Record<string, string>): Promise<RunningPlatform> {
  const root = path.resolve(import.meta.dirname, '../..');
  const { natsUrl, databaseUrl, redisUrl } = testInfrastructure();
  const env = { ...process.env, NATS_URL: natsUrl, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, SIGIL_LOG_LEVEL: 'warn', ...extraEnv };
  migrateAll(root, env);
  const services = await Promise.all(PLATFORM_SERVICES.map(async (service) => ({ ...service, port: await freePort() })));
  const processName = (name: string) => `e2e-${name}`;
  const urls = Object.fromEntries(
    await Promise.all(
      services.map(async (service) => [service.name, await startServiceProcess(root, testStateDir(), service, env, processName(service.name))] as const),
    ),
  );
  return {
    urls,
    gateway: urls.gateway,
    stop: async () => {
      await Promise.all(services.map((service) => stopBackground(testStateDir(), processName(service.name))));
    },
  };
}
