import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Queries } from '@sigil/catalog';
import { OnQuery, QueryContext } from '@sigil/messaging';
import type {
  CreateAgentRequest,
  DeleteAgentRequest,
  GetAgentRequest,
  ListAgentsRequest,
  ListAgentVersionsRequest,
  UpdateAgentRequest,
} from '@sigil/schemas';
import { pageOf } from './agent-arguments';
import { agentExists, agentNotFound, rejectingInvalidArguments } from './agent-replies';
import { AgentChanges } from './agent-changes';
import { AgentRepository } from './agent-repository';
import { agentChangesOf, listCriteriaOf, newAgentOf } from './agent-requests';

/** The agent registry, always within the caller's tenant; the gateway validates input before asking. */
@Controller()
export class AgentsController {
  constructor(
    private readonly agents: AgentRepository,
    private readonly changes: AgentChanges,
  ) {}

  @OnQuery(Queries.CreateAgent)
  create(@Payload() request: CreateAgentRequest, @Ctx() context: QueryContext) {
    return rejectingInvalidArguments(async () => {
      const agent = await this.agents.create(context.envelope.tenantId, newAgentOf(request));
      if (!agent) return agentExists(request.name);
      await this.changes.announce('created', agent, context);
      return { agent };
    });
  }

  @OnQuery(Queries.GetAgent)
  async get(@Payload() request: GetAgentRequest, @Ctx() context: QueryContext) {
    const agent = await this.agents.get(context.envelope.tenantId, request.name);
    return agent ? { agent } : agentNotFound(request.name);
  }

  @OnQuery(Queries.ListAgents)
  list(@Payload() request: ListAgentsRequest, @Ctx() context: QueryContext) {
    return rejectingInvalidArguments(async () => {
      const { agents, total } = await this.agents.list(context.envelope.tenantId, listCriteriaOf(request));
      return { agents, total: BigInt(total) };
    });
  }

  @OnQuery(Queries.UpdateAgent)
  update(@Payload() request: UpdateAgentRequest, @Ctx() context: QueryContext) {
    return rejectingInvalidArguments(async () => {
      const agent = await this.agents.update(context.envelope.tenantId, request.name, agentChangesOf(request));
      if (!agent) return agentNotFound(request.name);
      await this.changes.announce('updated', agent, context);
      return { agent };
    });
  }

  @OnQuery(Queries.DeleteAgent)
  async delete(@Payload() request: DeleteAgentRequest, @Ctx() context: QueryContext) {
    const deleted = await this.agents.delete(context.envelope.tenantId, request.name);
    if (!deleted) return agentNotFound(request.name);
    await this.changes.announce('deleted', { name: request.name }, context);
    return { deleted };
  }

  @OnQuery(Queries.ListAgentVersions)
  versions(@Payload() request: ListAgentVersionsRequest, @Ctx() context: QueryContext) {
    return rejectingInvalidArguments(async () => {
      const found = await this.agents.versions(context.envelope.tenantId, request.name, pageOf(request.page, request.perPage));
      return found ? { versions: found.versions, total: BigInt(found.total) } : agentNotFound(request.name);
    });
  }
}
