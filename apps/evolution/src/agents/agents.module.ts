import { Module } from '@nestjs/common';
import { AgentChanges } from './agent-changes';
import { AgentRepository } from './agent-repository';
import { AgentsController } from './agents.controller';

@Module({ controllers: [AgentsController], providers: [AgentRepository, AgentChanges] })
export class AgentsModule {}
