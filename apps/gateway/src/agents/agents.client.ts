import { Injectable } from '@nestjs/common';
import { Queries } from '@sigil/catalog';
import { QueryClient, type Correlation } from '@sigil/messaging';
import type { Agent, QueryError } from '@sigil/schemas';
import { orUnavailable } from '../common/or-unavailable';
import { Problems } from '../common/problem';
import type { SortKey } from '../common/sort-spec';
import type { CreateAgentDto, ListAgentsQueryDto } from './agent-dtos';
import { AgentCache } from './agent-cache';
import { agentCreation, type AgentChangeFields } from './agent-requests';

/** The agent registry lives in evolution; the gateway only asks, always as the caller's tenant. */
@Injectable()
export class AgentsClient {
  constructor(
    private readonly queries: QueryClient,
    private readonly cache: AgentCache,
  ) {}

  async create(dto: CreateAgentDto, correlation: Correlation): Promise<Agent> {
    const reply = await this.ask(() => this.queries.request(Queries.CreateAgent, agentCreation(dto), correlation));
    return this.remembered(required(reply.agent, reply.error, dto.name), correlation);
  }

  /** Reads are served from this replica's copy when it has one (see AgentCache). */
  get(name: string, correlation: Correlation): Promise<Agent> {
    return this.cache.getOrLoad(correlation.tenantId, name, async () => {
      const reply = await this.ask(() => this.queries.request(Queries.GetAgent, { name }, correlation));
      return required(reply.agent, reply.error, name);
    });
  }

  async list(query: ListAgentsQueryDto, sort: SortKey[], correlation: Correlation): Promise<{ agents: Agent[]; total: number }> {
    const payload = {
      page: query.page,
      perPage: query.per_page,
      stratum: query.stratum ?? '',
      status: query.status ?? '',
      createdAfter: query.created_after ?? '',
      createdBefore: query.created_before ?? '',
      q: query.q ?? '',
      sort,
    };
    const reply = await this.ask(() => this.queries.request(Queries.ListAgents, payload, correlation));
    if (reply.error) throw problemOf(reply.error, '');
    return { agents: reply.agents, total: Number(reply.total) };
  }

  async update(name: string, changes: AgentChangeFields, correlation: Correlation): Promise<Agent> {
    const reply = await this.ask(() => this.queries.request(Queries.UpdateAgent, { name, ...changes }, correlation));
    return this.remembered(required(reply.agent, reply.error, name), correlation);
  }

  async delete(name: string, correlation: Correlation): Promise<void> {
    const reply = await this.ask(() => this.queries.request(Queries.DeleteAgent, { name }, correlation));
    this.cache.forget(correlation.tenantId, name);
    if (reply.error || !reply.deleted) throw problemOf(reply.error, name);
  }

  async versions(name: string, page: { page: number; per_page: number }, correlation: Correlation): Promise<{ versions: Agent[]; total: number }> {
    const payload = { name, page: page.page, perPage: page.per_page };
    const reply = await this.ask(() => this.queries.request(Queries.ListAgentVersions, payload, correlation));
    if (reply.error) throw problemOf(reply.error, name);
    return { versions: reply.versions, total: Number(reply.total) };
  }

  private remembered(agent: Agent, correlation: Correlation): Agent {
    this.cache.remember(correlation.tenantId, agent);
    return agent;
  }

  private ask<T>(call: () => Promise<T>): Promise<T> {
    return orUnavailable('evolution service', call);
  }
}

function required(agent: Agent | undefined, error: QueryError | undefined, name: string): Agent {
  if (agent && !error) return agent;
  throw problemOf(error, name);
}

/** The registry's refusals as API problems; anything unexpected is the registry's fault: a 500, not a guess. */
function problemOf(error: QueryError | undefined, name: string): Error {
  if (error?.status === 404) return Problems.agentNotFound(name);
  if (error?.status === 409) return Problems.agentExists(name);
  if (error?.status === 400) return Problems.validation([{ field: 'query', message: error.message }]);
  return new Error(`agent registry answered without a result: ${error?.code ?? 'no error'} ${error?.message ?? ''}`);
}
