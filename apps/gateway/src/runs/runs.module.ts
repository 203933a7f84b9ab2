import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module';
import { BudgetModule } from '../budget/budget.module';
import { OperationsController } from '../operations/operations.controller';
import { ContractExecutionController } from './contract-execution.controller';
import { RunLauncher } from './run-launcher';
import { RunOutcomes } from './run-outcomes';
import { AcceptedRuns } from './accepted-runs';
import { RunsClient } from './runs.client';
import { RunsController } from './runs.controller';

@Module({ imports: [AgentsModule, BudgetModule], controllers: [RunsController, ContractExecutionController, OperationsController], providers: [RunOutcomes, RunsClient, RunLauncher, AcceptedRuns], exports: [RunsClient] })
export class RunsModule {}
