import type { ServiceDefinition } from '@sigil/service-kit';
import { PLANNER_SCHEMA, plannerMigrations } from './migrations';
import { RunsModule } from './runs/runs.module';

/** The run orchestrator: run sagas live in its schema. */
export const plannerService: ServiceDefinition = {
  name: 'planner',
  defaultPort: 8102,
  schema: PLANNER_SCHEMA,
  migrations: plannerMigrations,
  exactlyOnce: true,
  features: [RunsModule],
};
