import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { SERVICE_SETTINGS, type ServiceSettings } from '@sigil/service-kit';
import type { FastifyRequest } from 'fastify';
import { correlationFor } from '../common/request-correlation';
import { AgentsClient, agentView } from './agents.client';
import { CreateAgentDto } from './create-agent.dto';

@Controller('v7/agents')
export class AgentsController {
  constructor(
    private readonly agents: AgentsClient,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
  ) {}

  @Post()
  @HttpCode(201)
  async create(@Body() dto: CreateAgentDto, @Req() request: FastifyRequest) {
    return agentView(await this.agents.create(dto, correlationFor(request, this.settings.defaultTenantId)));
  }

  @Get(':name')
  async get(@Param('name') name: string, @Req() request: FastifyRequest) {
    return agentView(await this.agents.get(name, correlationFor(request, this.settings.defaultTenantId)));
  }
}
