import { messagingTablesMigration } from '@sigil/persistence';
import { CreateRuns1763700000100 } from './create-runs.migration';

export const PLANNER_SCHEMA = 'planner';
export const plannerMigrations = [messagingTablesMigration(PLANNER_SCHEMA), CreateRuns1763700000100];
