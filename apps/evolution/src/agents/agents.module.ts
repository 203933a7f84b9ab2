import { Module } from '@nestjs/common';
import { AgentRepository } from './agent-repository';
import { AgentsController } from './agents.controller';

@Module({ controllers: [AgentsController], providers: [AgentRepository] })
export class AgentsModule {}
