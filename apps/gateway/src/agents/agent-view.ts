import type { Agent } from '@sigil/schemas';

/** Versions read as semver for the API (guidelines: "1.0.0"); every update is the next minor. */
export const semanticVersion = (revision: number) => `1.${revision - 1}.0`;

export function agentView(agent: Agent) {
  return {
    name: agent.name,
    stratum: agent.stratum,
    description: agent.description,
    system_prompt: agent.systemPrompt,
    status: agent.status,
    config: { max_total_tokens: agent.maxTotalTokens > 0n ? Number(agent.maxTotalTokens) : null },
    version: semanticVersion(agent.version),
    revision: agent.version,
    created_at: agent.createdAt,
    updated_at: agent.updatedAt,
  };
}
