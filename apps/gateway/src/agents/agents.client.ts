import { Injectable } from '@nestjs/common';
import { Queries } from '@sigil/catalog';
import { QueryClient, type Correlation } from '@sigil/messaging';
import type { Agent } from '@sigil/schemas';
import { Problems } from '../common/problem';
import { orUnavailable } from '../common/or-unavailable';
import type { CreateAgentDto } from './create-agent.dto';

/** The agent registry lives in evolution; the gateway only asks. */
@Injectable()
export class AgentsClient {
  constructor(private readonly queries: QueryClient) {}

  async create(dto: CreateAgentDto, correlation: Correlation): Promise<Agent> {
    const reply = await orUnavailable('evolution service', () =>
      this.queries.request(
        Queries.CreateAgent,
        { name: dto.name, stratum: dto.stratum, description: dto.description, systemPrompt: dto.system_prompt ?? '' },
        correlation,
      ),
    );
    if (reply.error?.status === 409) throw Problems.agentExists(dto.name);
    return agentOf(reply);
  }

  async get(name: string, correlation: Correlation): Promise<Agent> {
    const reply = await orUnavailable('evolution service', () => this.queries.request(Queries.GetAgent, { name }, correlation));
    if (reply.error?.status === 404) throw Problems.agentNotFound(name);
    return agentOf(reply);
  }
}

/** A reply without an agent and without a known error is the registry's fault: a 500, not a guess. */
function agentOf(reply: { agent?: Agent; error?: { code: string; message: string } }): Agent {
  if (!reply.agent) throw new Error(`agent registry answered without an agent: ${reply.error?.code ?? 'no error'} ${reply.error?.message ?? ''}`);
  return reply.agent;
}

export function agentView(agent: Agent) {
  return {
    name: agent.name,
    stratum: agent.stratum,
    description: agent.description,
    system_prompt: agent.systemPrompt,
    version: agent.version,
    created_at: agent.createdAt,
    updated_at: agent.updatedAt,
  };
}
