import { Module } from '@nestjs/common';
import { BudgetModule } from '../budget/budget.module';
import { CancellationModule } from '../cancellation/cancellation.module';
import { LlmModule } from '../llm/llm.module';
import { StreamingModule } from '../streaming/streaming.module';
import { ToolsModule } from '../tools/tools.module';
import { StepsController } from './steps.controller';
import { StepWorker } from './step-worker';

@Module({ imports: [LlmModule, BudgetModule, StreamingModule, CancellationModule, ToolsModule], controllers: [StepsController], providers: [StepWorker] })
export class StepsModule {}
