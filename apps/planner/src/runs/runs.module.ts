import { Module } from '@nestjs/common';
import { RunOrchestrator } from './run-orchestrator';
import { RunsController } from './runs.controller';

@Module({ controllers: [RunsController], providers: [RunOrchestrator] })
export class RunsModule {}
