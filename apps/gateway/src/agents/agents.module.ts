import { Module } from '@nestjs/common';
import { AgentCache } from './agent-cache';
import { AgentsClient } from './agents.client';
import { AgentsController } from './agents.controller';

@Module({ controllers: [AgentsController], providers: [AgentsClient, AgentCache], exports: [AgentsClient] })
export class AgentsModule {}
