import type { Redis } from 'ioredis';

/**
 * A Lua script as a function: ioredis sends it once and then calls it by SHA, so each call is one
 * round trip and the script runs atomically on the server.
 */
export function redisScript<T>(redis: Redis, name: string, numberOfKeys: number, lua: string): (...keysThenArgs: (string | number)[]) => Promise<T> {
  if (!(name in redis)) redis.defineCommand(name, { numberOfKeys, lua });
  const command = (redis as unknown as Record<string, (...args: (string | number)[]) => Promise<T>>)[name];
  return (...keysThenArgs) => command.apply(redis, keysThenArgs);
}
