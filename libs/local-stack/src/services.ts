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
  startBackground({ name: processName, command: process.execPath, args: [serviceEntry(root, service.name, 'main')], stateDir, env: serviceEnv });
  const url = `http://127.0.0.1:${service.port}`;
  await waitFor(`${processName} /readyz`, () => isReady(`${url}/readyz`), 60_000, logFile(stateDir, processName));
  return url;
}

export async function stopServices(stateDir: string): Promise<void> {
  await Promise.all(PLATFORM_SERVICES.map(({ name }) => stopBackground(stateDir, name)));
}
