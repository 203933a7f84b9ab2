import type { ServiceDefinition } from '@sigil/service-kit';
import { ItemsModule } from './items/items.module';
import { MEMORY_SCHEMA, memoryMigrations } from './migrations';
import { RecallModule } from './recall/recall.module';

/**
 * Memory items (layer 2) with full-text search: stored and searched by the reasoning tools'
 * queries, recalled for the planner's runs. Resources, categories, embeddings and the vector index
 * arrive with the memory issue and extend the same items.
 */
export const memoryService: ServiceDefinition = {
  name: 'memory',
  defaultPort: 8105,
  schema: MEMORY_SCHEMA,
  migrations: memoryMigrations,
  exactlyOnce: true,
  features: [ItemsModule, RecallModule],
};
