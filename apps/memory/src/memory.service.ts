import type { ServiceDefinition } from '@sigil/service-kit';

/**
 * Boots with the platform's shape (health, bus, its own schema); storing, recalling and
 * consolidating memory arrive with the memory issue.
 */
export const memoryService: ServiceDefinition = {
  name: 'memory',
  defaultPort: 8105,
  schema: 'memory',
  migrations: [],
  exactlyOnce: false,
  features: [],
};
