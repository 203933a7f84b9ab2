import { AddRunDeadline1763700000300 } from './add-run-deadline.migration';
import { AddRunQueryColumns1763700000200 } from './add-run-query-columns.migration';
import { CreateRuns1763700000100 } from './create-runs.migration';

export const PLANNER_SCHEMA = 'planner';
export const plannerMigrations = [CreateRuns1763700000100, AddRunQueryColumns1763700000200, AddRunDeadline1763700000300];
