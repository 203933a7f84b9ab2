import { Module } from '@nestjs/common';
import { RunsModule } from '../runs/runs.module';
import { SessionsController } from './sessions.controller';

@Module({ imports: [RunsModule], controllers: [SessionsController] })
export class SessionsModule {}
