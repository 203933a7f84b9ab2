import { Module } from '@nestjs/common';
import { AgentsClient } from './agents.client';
import { AgentsController } from './agents.controller';

@Module({ controllers: [AgentsController], providers: [AgentsClient], exports: [AgentsClient] })
export class AgentsModule {}
