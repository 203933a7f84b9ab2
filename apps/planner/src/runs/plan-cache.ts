import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PlanCacheKey, RunCommand } from '@sigil/planning';
import { REDIS } from '@sigil/service-kit';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';

/** Plans are kept a day (the spec's plan cache TTL). */
export const PLAN_CACHE_TTL_SECONDS = 24 * 60 * 60;

/** `plan:<tenant>:<sha256(goal + planning context)>`: a tenant never sees another's plans. */
export function planCacheKeyOf(tenantId: string, key: PlanCacheKey): string {
  return `plan:${tenantId}:${createHash('sha256').update(key.goal).update('\u0000').update(key.context).digest('hex')}`;
}

/**
 * Validated plans in Redis, by tenant, goal and the context they were made in. The cache only
 * saves planning calls: when Redis cannot answer, the run plans afresh rather than fail.
 */
@Injectable()
export class PlanCache {
  private readonly logger = new Logger(PlanCache.name);

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** The cached plan's JSON (checked by the saga before use), or undefined. */
  async lookUp(tenantId: string, key: PlanCacheKey): Promise<string | undefined> {
    try {
      return (await this.redis.get(planCacheKeyOf(tenantId, key))) ?? undefined;
    } catch (error) {
      this.logger.warn(`plan cache lookup failed, planning afresh: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** Keeps a new plan, or forgets a cached one that no longer checks. */
  async carryOut(tenantId: string, commands: readonly RunCommand[]): Promise<void> {
    for (const command of commands) {
      try {
        if (command.type === 'cache_plan') await this.redis.set(planCacheKeyOf(tenantId, command), command.planJson, 'EX', PLAN_CACHE_TTL_SECONDS);
        if (command.type === 'forget_cached_plan') await this.redis.del(planCacheKeyOf(tenantId, command));
      } catch (error) {
        this.logger.warn(`plan cache ${command.type} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
