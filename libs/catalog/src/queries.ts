import { defineQuery } from '@sigil/messaging';
import {
  CreateAgentRequestSchema,
  CreateAgentResponseSchema,
  GetAgentRequestSchema,
  GetAgentResponseSchema,
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
  /** planner */
  GetRun: defineQuery('sigil.run.v1.get', GetRunRequestSchema, GetRunResponseSchema),
  /** event-store */
  ListSessionEvents: defineQuery('sigil.events.v1.list_session', ListSessionEventsRequestSchema, ListSessionEventsResponseSchema),
} as const;

export const allQueries = Object.values(Queries);
