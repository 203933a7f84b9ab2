import type { CheckResult } from '@sigil/service-kit';

export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy';

/**
 * Deployment guide §8.2: the database and the bus are required (down = unhealthy); the cache
 * only degrades the service. Our gateway cannot rate-limit without Redis, so requests then get 503s,
 * but the process itself stays in rotation.
 */
export function overallHealth(checks: { database: CheckResult; message_bus: CheckResult; cache: CheckResult }): HealthStatus {
  if (checks.database.status !== 'ok' || checks.message_bus.status !== 'ok') return 'unhealthy';
  return checks.cache.status === 'ok' ? 'healthy' : 'degraded';
}
