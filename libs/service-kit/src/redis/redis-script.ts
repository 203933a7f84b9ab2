import type { Redis } from 'ioredis';

/**
 * A Lua script as a function: ioredis sends it once and then calls it by SHA, so each call is one
 * round trip and the script runs atomically on the server. With `numberOfKeys` null the count of
 * keys varies per call and goes first in each call's arguments.
 * A caller that batches its own calls passes `autoPipelined: false`: ioredis then writes each call
 * as it comes instead of wrapping it in a pipeline object of its own per turn of the event loop.
 */
export function redisScript<T>(
  redis: Redis,
  name: string,
  numberOfKeys: number | null,
  lua: string,
  { autoPipelined = true }: { autoPipelined?: boolean } = {},
): (...keysThenArgs: (string | number)[]) => Promise<T> {
  if (!(name in redis)) redis.defineCommand(name, numberOfKeys === null ? { lua } : { numberOfKeys, lua });
  // ioredis reads this list on every call, so a name added here takes effect at once.
  if (!autoPipelined && !redis.options.autoPipeliningIgnoredCommands?.includes(name)) {
    redis.options.autoPipeliningIgnoredCommands = [...(redis.options.autoPipeliningIgnoredCommands ?? []), name];
  }
  const command = (redis as unknown as Record<string, (...args: (string | number)[]) => Promise<T>>)[name];
  return (...keysThenArgs) => command.apply(redis, keysThenArgs);
}
