import type { InfrastructureUrls } from './infrastructure';
import { freePort } from './ports';
import { stopBackground } from './processes';
import { migrateAll, PLATFORM_SERVICES, startServiceProcess } from './services';

export interface PlatformProcesses {
  urls: Record<string, string>;
  gateway: string;
  /** Another gateway process on the same bus, database and Redis: what a second replica is. */
  startGatewayReplica(): Promise<string>;
  stop(): Promise<void>;
}

/** The eight services as processes from the build, on free ports, migrated, against the given servers. */
export async function startPlatformProcesses(
  root: string,
  stateDir: string,
  infrastructure: InfrastructureUrls,
  extraEnv: Record<string, string>,
  prefix: string,
): Promise<PlatformProcesses> {
  const { natsUrl, databaseUrl, redisUrl } = infrastructure;
  const env = { ...process.env, NATS_URL: natsUrl, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, SIGIL_LOG_LEVEL: 'warn', ...extraEnv };
  migrateAll(root, env);
  const services = await Promise.all(PLATFORM_SERVICES.map(async (service) => ({ ...service, port: await freePort() })));
  const processNames = services.map((service) => `${prefix}-${service.name}`);
  const urls = Object.fromEntries(
    await Promise.all(services.map(async (service) => [service.name, await startServiceProcess(root, stateDir, service, env, `${prefix}-${service.name}`)] as const)),
  );
  const gatewayService = services.find((service) => service.name === 'gateway');
  return {
    urls,
    gateway: urls.gateway,
    startGatewayReplica: async () => {
      if (!gatewayService) throw new Error('no gateway among the platform services');
      const name = `${prefix}-gateway-replica-${processNames.length}`;
      processNames.push(name);
      return startServiceProcess(root, stateDir, { ...gatewayService, port: await freePort() }, env, name);
    },
    stop: async () => {
      await Promise.all(processNames.map((name) => stopBackground(stateDir, name)));
    },
  };
}
