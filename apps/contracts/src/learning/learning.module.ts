import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module';
import { PromptContextController } from './prompt-context.controller';

@Module({ imports: [ContractsModule], controllers: [PromptContextController] })
export class LearningModule {}
