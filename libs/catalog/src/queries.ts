import { defineQuery } from '@sigil/messaging';
import {
  CreateAgentRequestSchema,
  CreateAgentResponseSchema,
  GetAgentRequestSchema,
  GetAgentResponseSchema,
  GetAgentRunStatsRequestSchema,
  GetAgentRunStatsResponseSchema,
  GetTokenUsageRequestSchema,
  GetTokenUsageResponseSchema,
  DeleteAgentRequestSchema,
  DeleteAgentResponseSchema,
  ListAgentsRequestSchema,
  ListAgentsResponseSchema,
  ListAgentVersionsRequestSchema,
  ListAgentVersionsResponseSchema,
  ListSessionRunsRequestSchema,
  ListSessionRunsResponseSchema,
  UpdateAgentRequestSchema,
  UpdateAgentResponseSchema,
  GetRunRequestSchema,
  GetRunResponseSchema,
  ListSessionEventsRequestSchema,
  ListSessionEventsResponseSchema,
} from '@sigil/schemas';

/** Every request/reply query, with the service that answers it in the comment. */
export const Queries = {
  /** evolution */
  CreateAgent: defineQuery('sigil.agents.v1.create', CreateAgentRequestSchema, CreateAgentResponseSchema),
  /** evolution */
  GetAgent: defineQuery('sigil.agents.v1.get', GetAgentRequestSchema, GetAgentResponseSchema),
  /** evolution */
  ListAgents: defineQuery('sigil.agents.v1.list', ListAgentsRequestSchema, ListAgentsResponseSchema),
  /** evolution */
  UpdateAgent: defineQuery('sigil.agents.v1.update', UpdateAgentRequestSchema, UpdateAgentResponseSchema),
  /** evolution */
  DeleteAgent: defineQuery('sigil.agents.v1.delete', DeleteAgentRequestSchema, DeleteAgentResponseSchema),
  /** evolution */
  ListAgentVersions: defineQuery('sigil.agents.v1.list_versions', ListAgentVersionsRequestSchema, ListAgentVersionsResponseSchema),
  /** planner */
  ListSessionRuns: defineQuery('sigil.run.v1.list_session', ListSessionRunsRequestSchema, ListSessionRunsResponseSchema),
  /** planner */
  GetTokenUsage: defineQuery('sigil.run.v1.token_usage', GetTokenUsageRequestSchema, GetTokenUsageResponseSchema),
  /** planner */
  GetAgentRunStats: defineQuery('sigil.run.v1.agent_stats', GetAgentRunStatsRequestSchema, GetAgentRunStatsResponseSchema),
  /** planner */
  GetRun: defineQuery('sigil.run.v1.get', GetRunRequestSchema, GetRunResponseSchema),
  /** event-store */
  ListSessionEvents: defineQuery('sigil.events.v1.list_session', ListSessionEventsRequestSchema, ListSessionEventsResponseSchema),
} as const;

export const allQueries = Object.values(Queries);
