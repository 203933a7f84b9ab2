import { Module } from '@nestjs/common';
import { RunOrchestrator } from './run-orchestrator';
import { RunQueriesController } from './run-queries.controller';
import { RunsController } from './runs.controller';

@Module({ controllers: [RunsController, RunQueriesController], providers: [RunOrchestrator] })
export class RunsModule {}
