import type { MessageInitShape } from '@bufbuild/protobuf';
import type { CreateAgentRequestSchema, UpdateAgentRequestSchema } from '@sigil/schemas';
import type { CreateAgentDto, UpdateAgentDto } from './agent-dtos';

export type AgentChangeFields = Omit<MessageInitShape<typeof UpdateAgentRequestSchema>, 'name' | '$typeName'>;

/** The registry's create request; 0 tokens is "no budget of its own". */
export function agentCreation(dto: CreateAgentDto): MessageInitShape<typeof CreateAgentRequestSchema> {
  return {
    name: dto.name,
    stratum: dto.stratum,
    description: dto.description,
    systemPrompt: dto.system_prompt ?? '',
    maxTotalTokens: BigInt(dto.config?.max_total_tokens ?? 0),
  };
}

/** Only the fields sent, undefined for the others; a budget of null is sent as 0, back to the platform default. */
export function agentChanges(dto: UpdateAgentDto): AgentChangeFields {
  const budget = dto.config?.max_total_tokens;
  return {
    stratum: dto.stratum,
    description: dto.description,
    systemPrompt: dto.system_prompt,
    status: dto.status,
    maxTotalTokens: budget === undefined ? undefined : BigInt(budget ?? 0),
  };
}

/** An update that changes nothing is refused before it reaches the registry. */
export const changesAnything = (changes: AgentChangeFields) => Object.values(changes).some((value) => value !== undefined);
