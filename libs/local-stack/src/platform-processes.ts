import type { InfrastructureUrls } from './infrastructure';
import { freePort, freePorts } from './ports';
import { stopBackground } from './processes';
import { migrateAll, PLATFORM_SERVICES, startServiceProcess } from './services';

export interface PlatformProcesses {
  urls: Record<string, string>;
  gateway: string;
  /** Another gateway process on the same bus, database and Redis: what a second replica is. */
  startGatewayReplica(): Promise<string>;
  /** kill -9 one service's process, as a crash would (fault tests). */
  killService(name: string): Promise<void>;
  /** Starts a stopped or killed service again, on its port, with its environment. */
  startService(name: string): Promise<string>;
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
  const ports = await freePorts(PLATFORM_SERVICES.length);
  const services = PLATFORM_SERVICES.map((service, index) => ({ ...service, port: ports[index] }));
  const processNames = services.map((service) => `${prefix}-${service.name}`);
  const urls = Object.fromEntries(
    await Promise.all(services.map(async (service) => [service.name, await startServiceProcess(root, stateDir, service, env, `${prefix}-${service.name}`)] as const)),
  );
  const gatewayService = services.find((service) => service.name === 'gateway');
  const serviceNamed = (name: string) => {
    const service = services.find((candidate) => candidate.name === name);
    if (!service) throw new Error(`no platform service named ${name}`);
    return service;
  };
  return {
    urls,
    gateway: urls.gateway,
    startGatewayReplica: async () => {
      if (!gatewayService) throw new Error('no gateway among the platform services');
      const name = `${prefix}-gateway-replica-${processNames.length}`;
      processNames.push(name);
      return startServiceProcess(root, stateDir, { ...gatewayService, port: await freePort() }, env, name);
    },
    killService: async (name: string) => {
      await stopBackground(stateDir, `${prefix}-${serviceNamed(name).name}`, 'SIGKILL');
    },
    startService: (name: string) => startServiceProcess(root, stateDir, serviceNamed(name), env, `${prefix}-${name}`),
    stop: async () => {
      await Promise.all(processNames.map((name) => stopBackground(stateDir, name)));
    },
  };
}
