/** Local server ports, read from the URLs in the environment (so one variable moves a server). */
export interface LocalStackConfig {
  ports: { nats: number; postgres: number; redis: number };
}

function portOf(url: string | undefined, fallback: number): number {
  if (!url) return fallback;
  const parsed = new URL(url);
  return parsed.port ? Number(parsed.port) : fallback;
}

export function localStackConfig(env: NodeJS.ProcessEnv): LocalStackConfig {
  return {
    ports: {
      nats: portOf(env.NATS_URL, 4222),
      postgres: portOf(env.DATABASE_URL, 5432),
      redis: portOf(env.REDIS_URL, 6379),
    },
  };
}
