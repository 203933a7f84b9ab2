import { Module } from '@nestjs/common';
import { PLANNER_SETTINGS, plannerSettingsFromEnv } from '../settings/planner-settings';
import { DeadlineSweeper } from './deadline-sweeper';
import { PlanCache } from './plan-cache';
import { RunOrchestrator } from './run-orchestrator';
import { RunQueriesController } from './run-queries.controller';
import { RunsController } from './runs.controller';

@Module({
  controllers: [RunsController, RunQueriesController],
  providers: [{ provide: PLANNER_SETTINGS, useFactory: () => plannerSettingsFromEnv(process.env) }, PlanCache, RunOrchestrator, DeadlineSweeper],
})
export class RunsModule {}
