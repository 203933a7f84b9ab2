import { freePort, migrateAll, PLATFORM_SERVICES, startServiceProcess, stopBackground } from '@sigil/local-stack';
import { testInfrastructure, testStateDir } from '@sigil/testing';
import path from 'node:path';

export interface RunningPlatform {
  urls: Record<string, string>;
  gateway: string;
  /** Another gateway process on the same bus, database and Redis: what a second replica is. */
  startGatewayReplica(): Promise<string>;
  stop(): Promise<void>;
}

/** The eight services as real processes from the build, on free ports, against the harness servers. */
export async function startPlatform(extraEnv: Record<string, string>): Promise<RunningPlatform> {
  const root = path.resolve(import.meta.dirname, '../..');
  const { natsUrl, databaseUrl, redisUrl } = testInfrastructure();
  const env = { ...process.env, NATS_URL: natsUrl, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, SIGIL_LOG_LEVEL: 'warn', ...extraEnv };
  migrateAll(root, env);
  const services = await Promise.all(PLATFORM_SERVICES.map(async (service) => ({ ...service, port: await freePort() })));
  const processNames = services.map((service) => `e2e-${service.name}`);
  const urls = Object.fromEntries(
    await Promise.all(
      services.map(async (service) => [service.name, await startServiceProcess(root, testStateDir(), service, env, `e2e-${service.name}`)] as const),
    ),
  );
  const gatewayService = services.find((service) => service.name === 'gateway');
  return {
    urls,
    gateway: urls.gateway,
    startGatewayReplica: async () => {
      if (!gatewayService) throw new Error('no gateway among the platform services');
      const name = `e2e-gateway-replica-${processNames.length}`;
      processNames.push(name);
      return startServiceProcess(root, testStateDir(), { ...gatewayService, port: await freePort() }, env, name);
    },
    stop: async () => {
      await Promise.all(processNames.map((name) => stopBackground(testStateDir(), name)));
    },
  };
}
