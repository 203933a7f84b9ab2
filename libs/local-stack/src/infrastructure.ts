import { startNats } from './nats';
import { startPostgres } from './postgres';
import { stopBackground } from './processes';
import { startRedis } from './redis';

export interface InfrastructurePorts {
  nats: number;
  postgres: number;
  redis: number;
}

export interface InfrastructureUrls {
  natsUrl: string;
  databaseUrl: string;
  redisUrl: string;
}

/** NATS, PostgreSQL and Redis as local child processes with their data under `stateDir`. */
export async function startInfrastructure(
  stateDir: string,
  ports: InfrastructurePorts,
  options: { durable: boolean },
): Promise<InfrastructureUrls> {
  const [nats, postgres, redis] = await Promise.all([
    startNats(stateDir, ports.nats),
    startPostgres(stateDir, ports.postgres, { durable: options.durable }),
    startRedis(stateDir, ports.redis),
  ]);
  return { natsUrl: nats.url, databaseUrl: postgres.url, redisUrl: redis.url };
}

export async function stopInfrastructure(stateDir: string): Promise<void> {
  await Promise.all([
    stopBackground(stateDir, 'nats'),
    // SIGINT is PostgreSQL's fast shutdown; SIGTERM would wait for every client to leave.
    stopBackground(stateDir, 'postgres', 'SIGINT'),
    stopBackground(stateDir, 'redis'),
  ]);
}
