import { HOSTED_SERVICES_VARIABLE } from './hosted-services';

/** What every service reads from its environment, with the documented local defaults. */
export interface ServiceSettings {
  serviceName: string;
  host: string;
  httpPort: number;
  natsUrl: string;
  databaseUrl: string;
  redisUrl: string;
  /**
   * Set when the process hosts several services (`SIGIL_SERVICES`, ADR 0014): they share one NATS
   * connection, named after them. Unset, the service has a connection of its own.
   */
  sharedConnectionName?: string;
}

export const DEFAULTS = {
  natsUrl: 'nats://127.0.0.1:4222',
  databaseUrl: 'postgres://sigil:sigil-local@127.0.0.1:5432/sigil',
  redisUrl: 'redis://127.0.0.1:6379',
  host: '127.0.0.1',
} as const;

/** The environment variable holding a service's HTTP port: SIGIL_API_PORT for the gateway. */
export function portVariable(serviceName: string): string {
  return serviceName === 'gateway' ? 'SIGIL_API_PORT' : `SIGIL_${serviceName.toUpperCase().replace(/-/g, '_')}_PORT`;
}

function parsePort(name: string, raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return port;
}

export function settingsFromEnv(serviceName: string, defaultPort: number, env: NodeJS.ProcessEnv = process.env): ServiceSettings {
  const portName = portVariable(serviceName);
  return {
    serviceName,
    host: env.SIGIL_HOST ?? DEFAULTS.host,
    httpPort: parsePort(portName, env[portName] ?? String(defaultPort)),
    natsUrl: env.NATS_URL ?? DEFAULTS.natsUrl,
    databaseUrl: env.DATABASE_URL ?? DEFAULTS.databaseUrl,
    redisUrl: env.REDIS_URL ?? DEFAULTS.redisUrl,
    sharedConnectionName: env[HOSTED_SERVICES_VARIABLE] ? `sigil-host: ${env[HOSTED_SERVICES_VARIABLE]}` : undefined,
  };
}
