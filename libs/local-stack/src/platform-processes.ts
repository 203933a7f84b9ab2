import type { InfrastructureUrls } from './infrastructure';
import { freePort, freePorts } from './ports';
import { stopBackground } from './processes';
import { checkHosts, migrateAll, ONE_PROCESS_PER_SERVICE, PLATFORM_SERVICES, startHostProcess, startServiceProcess } from './services';

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

/**
 * The eight services from the build, on free ports, migrated, against the given servers: each in a
 * process of its own unless `hosts` groups them into host processes (ADR 0014). With hosts, killing
 * or starting a service kills or starts its whole host process.
 */
export async function startPlatformProcesses(
  root: string,
  stateDir: string,
  infrastructure: InfrastructureUrls,
  extraEnv: Record<string, string>,
  prefix: string,
  hosts: string[][] = ONE_PROCESS_PER_SERVICE,
): Promise<PlatformProcesses> {
  const groups = checkHosts(hosts);
  const { natsUrl, databaseUrl, redisUrl } = infrastructure;
  const env = { ...process.env, NATS_URL: natsUrl, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, SIGIL_LOG_LEVEL: 'warn', ...extraEnv };
  migrateAll(root, env);
  const ports = await freePorts(PLATFORM_SERVICES.length);
  const services = PLATFORM_SERVICES.map((service, index) => ({ ...service, port: ports[index] }));
  const serviceNamed = (name: string) => {
    const service = services.find((candidate) => candidate.name === name);
    if (!service) throw new Error(`no platform service named ${name}`);
    return service;
  };
  const hostProcesses = groups.map((group) => ({ name: `${prefix}-${group.join('+')}`, services: group.map(serviceNamed) }));
  const hostOf = (name: string) => hostProcesses.find((host) => host.services.some((service) => service.name === serviceNamed(name).name)) as (typeof hostProcesses)[number];
  const startHost = async (host: (typeof hostProcesses)[number]) =>
    host.services.length === 1 ? [await startServiceProcess(root, stateDir, host.services[0], env, host.name)] : startHostProcess(root, stateDir, host.services, env, host.name);
  const processNames = hostProcesses.map((host) => host.name);
  const started = await Promise.all(hostProcesses.map(async (host) => (await startHost(host)).map((url, index) => [host.services[index].name, url] as const)));
  const urls = Object.fromEntries(started.flat());
  const gatewayService = serviceNamed('gateway');
  return {
    urls,
    gateway: urls.gateway,
    startGatewayReplica: async () => {
      const name = `${prefix}-gateway-replica-${processNames.length}`;
      processNames.push(name);
      return startServiceProcess(root, stateDir, { ...gatewayService, port: await freePort() }, env, name);
    },
    killService: async (name: string) => {
      await stopBackground(stateDir, hostOf(name).name, 'SIGKILL');
    },
    startService: async (name: string) => {
      const host = hostOf(name);
      const hostUrls = await startHost(host);
      return hostUrls[host.services.findIndex((service) => service.name === name)];
    },
    stop: async () => {
      await Promise.all(processNames.map((name) => stopBackground(stateDir, name)));
    },
  };
}
