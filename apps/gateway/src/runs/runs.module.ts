import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module';
import { BudgetModule } from '../budget/budget.module';
import { OperationsController } from '../operations/operations.controller';
import { RunOutcomes } from './run-outcomes';
import { RunsClient } from './runs.client';
import { RunsController } from './runs.controller';

@Module({ imports: [AgentsModule, BudgetModule], controllers: [RunsController, OperationsController], providers: [RunOutcomes, RunsClient], exports: [RunsClient] })
export class RunsModule {}
