import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { logFile, startBackground, stopBackground, waitFor } from './processes';

/** The eight services with their default HTTP ports and the variable that moves each, gateway last. */
export const PLATFORM_SERVICES = [
  { name: 'event-store', port: 8107, portVariable: 'SIGIL_EVENT_STORE_PORT' },
  { name: 'evolution', port: 8106, portVariable: 'SIGIL_EVOLUTION_PORT' },
  { name: 'router', port: 8101, portVariable: 'SIGIL_ROUTER_PORT' },
  { name: 'contracts', port: 8104, portVariable: 'SIGIL_CONTRACTS_PORT' },
  { name: 'memory', port: 8105, portVariable: 'SIGIL_MEMORY_PORT' },
  { name: 'reasoning', port: 8103, portVariable: 'SIGIL_REASONING_PORT' },
  { name: 'planner', port: 8102, portVariable: 'SIGIL_PLANNER_PORT' },
  { name: 'gateway', port: 8000, portVariable: 'SIGIL_API_PORT' },
] as const;

export interface ServiceInstance {
  name: string;
  port: number;
  portVariable: string;
}

/** Each service on the port its variable names, or its default. */
export function servicePorts(env: NodeJS.ProcessEnv): ServiceInstance[] {
  return PLATFORM_SERVICES.map((service) => ({ ...service, port: Number(env[service.portVariable] ?? service.port) }));
}

export type ServiceName = (typeof PLATFORM_SERVICES)[number]['name'];

/**
 * The platform in two host processes (ADR 0014): the run's chain (gateway, router, planner,
 * reasoning) in one, and memory, contracts, the event store and evolution in the other.
 */
export const COMPACT_HOSTS: ServiceName[][] = [
  ['gateway', 'router', 'planner', 'reasoning'],
  ['memory', 'contracts', 'event-store', 'evolution'],
];

/** Each service in a process of its own: the shape of the Kubernetes deployment. */
export const ONE_PROCESS_PER_SERVICE: ServiceName[][] = PLATFORM_SERVICES.map((service) => [service.name]);

/** Hosts that run every service exactly once, or the reason they do not. */
export function checkHosts(hosts: string[][]): ServiceName[][] {
  const named = hosts.flat();
  const known = PLATFORM_SERVICES.map((service) => service.name as string);
  const unknown = named.filter((name) => !known.includes(name));
  const twice = named.filter((name, index) => named.indexOf(name) !== index);
  const missing = known.filter((name) => !named.includes(name));
  if (hosts.some((host) => host.length === 0)) throw new Error('a host process runs at least one service');
  if (unknown.length + twice.length + missing.length > 0) {
    throw new Error(`the hosts must run every service once: ${[unknown.length ? `unknown ${unknown.join(', ')}` : '', twice.length ? `twice ${twice.join(', ')}` : '', missing.length ? `missing ${missing.join(', ')}` : ''].filter(Boolean).join('; ')}`);
  }
  return hosts as ServiceName[][];
}

/**
 * The Node flags every service process starts with; the Dockerfile's CMD passes the same
 * (tools/deploy/manifests.spec.ts checks). Without allocation-site pretenuring: V8 otherwise learns,
 * from a burst where many requests are in flight, to allocate request objects straight into the old
 * generation, and keeps doing so; each scavenge then copies megabytes those objects point to, and
 * its pauses (15-25 ms at 5,000 GET/s) become the gateway's p99 (ADR 0015).
 */
export const SERVICE_NODE_FLAGS = ['--no-allocation-site-pretenuring'] as const;

export function serviceEntry(root: string, service: string, entry: 'main' | 'migrate'): string {
  const file = path.join(root, 'dist', 'apps', service, 'src', `${entry}.js`);
  if (!existsSync(file)) throw new Error(`${file} is missing: build first (npm run build)`);
  return file;
}

/** Applies every service's migrations, one service after the other. */
export function migrateAll(root: string, env: NodeJS.ProcessEnv): void {
  for (const { name } of PLATFORM_SERVICES) {
    const result = spawnSync(process.execPath, [serviceEntry(root, name, 'migrate')], { env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`migrations of ${name} failed:\n${result.stdout}${result.stderr}`);
  }
}

async function isReady(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

/** Starts a service as a background process and waits for its /readyz. */
export async function startServiceProcess(
  root: string,
  stateDir: string,
  service: ServiceInstance,
  env: NodeJS.ProcessEnv,
  processName = service.name,
): Promise<string> {
  const serviceEnv = { ...env, [service.portVariable]: String(service.port) };
  startBackground({ name: processName, command: process.execPath, args: [...SERVICE_NODE_FLAGS, serviceEntry(root, service.name, 'main')], stateDir, env: serviceEnv });
  return waitUntilReady(stateDir, processName, service);
}

/**
 * Starts several services in one host process (`apps/host`, ADR 0014), each on its own port, and
 * waits for every one's /readyz; their URLs in the order given.
 */
export async function startHostProcess(root: string, stateDir: string, services: ServiceInstance[], env: NodeJS.ProcessEnv, processName: string): Promise<string[]> {
  const hostEnv = { ...env, SIGIL_SERVICES: services.map((service) => service.name).join(','), ...Object.fromEntries(services.map((service) => [service.portVariable, String(service.port)])) };
  startBackground({ name: processName, command: process.execPath, args: [...SERVICE_NODE_FLAGS, serviceEntry(root, 'host', 'main')], stateDir, env: hostEnv });
  const urls: string[] = [];
  for (const service of services) urls.push(await waitUntilReady(stateDir, `${processName} (${service.name})`, service, processName));
  return urls;
}

async function waitUntilReady(stateDir: string, what: string, service: ServiceInstance, processName = what): Promise<string> {
  const url = `http://127.0.0.1:${service.port}`;
  await waitFor(`${what} /readyz`, () => isReady(`${url}/readyz`), 60_000, logFile(stateDir, processName));
  return url;
}

export async function stopServices(stateDir: string): Promise<void> {
  await Promise.all(PLATFORM_SERVICES.map(({ name }) => stopBackground(stateDir, name)));
}
