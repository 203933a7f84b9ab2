import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Query, Req } from '@nestjs/common';
import { Queries } from '@sigil/catalog';
import { QueryClient } from '@sigil/messaging';
import type { FastifyRequest } from 'fastify';
import { RequireScopes } from '../auth/route-access';
import { Cacheable } from '../caching/cacheable';
import { orUnavailable } from '../common/or-unavailable';
import { pagination, PageQueryDto } from '../common/page-query.dto';
import { Problems } from '../common/problem';
import { correlationFor } from '../common/request-correlation';
import { parseSort } from '../common/sort-spec';
import { CreateAgentDto, ListAgentsQueryDto, SORTABLE_AGENT_FIELDS, UpdateAgentDto } from './agent-dtos';
import { agentChanges, changesAnything } from './agent-requests';
import { agentView } from './agent-view';
import { AgentsClient } from './agents.client';
import { IdempotentPost } from '../idempotency/idempotent-post';

@Controller('v7/agents')
export class AgentsController {
  constructor(
    private readonly agents: AgentsClient,
    private readonly queries: QueryClient,
  ) {}

  @Get()
  @RequireScopes('agents:read')
  @Cacheable(60)
  async list(@Query() query: ListAgentsQueryDto, @Req() request: FastifyRequest) {
    const sort = parseSort(query.sort ?? 'created_at', SORTABLE_AGENT_FIELDS);
    if ('unknownField' in sort) throw Problems.validation([{ field: 'sort', message: `cannot sort by '${sort.unknownField}'; sortable: ${SORTABLE_AGENT_FIELDS.join(', ')}` }]);
    const { agents, total } = await this.agents.list(query, sort.keys, correlationFor(request));
    return { agents: agents.map(agentView), pagination: pagination(query, total) };
  }

  @IdempotentPost()
  @HttpCode(201)
  @RequireScopes('agents:write')
  async create(@Body() dto: CreateAgentDto, @Req() request: FastifyRequest) {
    return agentView(await this.agents.create(dto, correlationFor(request)));
  }

  @Get(':name')
  @RequireScopes('agents:read')
  @Cacheable(300)
  async get(@Param('name') name: string, @Req() request: FastifyRequest) {
    return agentView(await this.agents.get(name, correlationFor(request)));
  }

  @Patch(':name')
  @RequireScopes('agents:write')
  async update(@Param('name') name: string, @Body() dto: UpdateAgentDto, @Req() request: FastifyRequest) {
    const changes = agentChanges(dto);
    if (!changesAnything(changes)) {
      throw Problems.validation([{ field: 'body', message: 'send at least one of stratum, description, system_prompt, status, config.max_total_tokens' }]);
    }
    return agentView(await this.agents.update(name, changes, correlationFor(request)));
  }

  @Delete(':name')
  @HttpCode(204)
  @RequireScopes('agents:write')
  async delete(@Param('name') name: string, @Req() request: FastifyRequest): Promise<void> {
    await this.agents.delete(name, correlationFor(request));
  }

  /** Every version the agent has had, newest first. */
  @Get(':name/versions')
  @RequireScopes('agents:read')
  @Cacheable(60)
  async versions(@Param('name') name: string, @Query() page: PageQueryDto, @Req() request: FastifyRequest) {
    const { versions, total } = await this.agents.versions(name, page, correlationFor(request));
    return { versions: versions.map(agentView), pagination: pagination(page, total) };
  }

  /** The agent's state and what its runs have done. */
  @Get(':name/status')
  @RequireScopes('agents:read')
  @Cacheable(10)
  async status(@Param('name') name: string, @Req() request: FastifyRequest) {
    const correlation = correlationFor(request);
    const agent = await this.agents.get(name, correlation);
    const stats = await orUnavailable('planner service', () => this.queries.request(Queries.GetAgentRunStats, { agentName: name }, correlation));
    if (stats.error) throw new Error(`planner refused run stats: ${stats.error.code} ${stats.error.message}`);
    return {
      name: agent.name,
      status: agent.status,
      version: agentView(agent).version,
      updated_at: agent.updatedAt,
      runs: {
        total: Number(stats.total),
        running: Number(stats.running),
        completed: Number(stats.completed),
        failed: Number(stats.failed),
        last_run_at: stats.lastRunAt || null,
      },
    };
  }
}
