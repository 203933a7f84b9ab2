import type { ServiceDefinition } from '@sigil/service-kit';
import { AgentsModule } from './agents/agents.module';
import { EVOLUTION_SCHEMA, evolutionMigrations } from './migrations';

/** The agent registry (and, later, evaluation and optimisation). */
export const evolutionService: ServiceDefinition = {
  name: 'evolution',
  defaultPort: 8106,
  schema: EVOLUTION_SCHEMA,
  migrations: evolutionMigrations,
  exactlyOnce: false,
  features: [AgentsModule],
};
