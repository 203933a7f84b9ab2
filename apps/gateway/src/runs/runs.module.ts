import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module';
import { RunOutcomes } from './run-outcomes';
import { RunsController } from './runs.controller';

@Module({ imports: [AgentsModule], controllers: [RunsController], providers: [RunOutcomes] })
export class RunsModule {}
