import { defineQuery } from '@sigil/messaging';
import {
  ContractReplySchema,
  CreateContractRequestSchema,
  DeleteContractReplySchema,
  DeleteContractRequestSchema,
  GetContractRequestSchema,
  GetPromptContextReplySchema,
  GetPromptContextRequestSchema,
  ListContractsReplySchema,
  ListContractsRequestSchema,
  ListTemplatesReplySchema,
  ListTemplatesRequestSchema,
  UpdateContractRequestSchema,
  ValidateOutputReplySchema,
  ValidateOutputRequestSchema,
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
  GetRunPlanRequestSchema,
  GetRunPlanResponseSchema,
  SearchMemoryRequestSchema,
  SearchMemoryResponseSchema,
  StoreMemoryRequestSchema,
  StoreMemoryBatchRequestSchema,
  StoreMemoryBatchResponseSchema,
  StoreResourceRequestSchema,
  StoreResourceResponseSchema,
  GetResourceRequestSchema,
  GetResourceResponseSchema,
  ListCategoriesRequestSchema,
  ListCategoriesResponseSchema,
  GetCategoryRequestSchema,
  GetCategoryResponseSchema,
  EraseMemoryRequestSchema,
  EraseMemoryResponseSchema,
  StoreMemoryResponseSchema,
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
  /** planner: the run's plan and each step's state */
  GetRunPlan: defineQuery('sigil.run.v1.get_plan', GetRunPlanRequestSchema, GetRunPlanResponseSchema),
  /** memory: the memory_search tool */
  SearchMemory: defineQuery('sigil.memory.v1.search', SearchMemoryRequestSchema, SearchMemoryResponseSchema),
  /** memory: the memory_store tool; idempotent by key */
  StoreMemory: defineQuery('sigil.memory.v1.store', StoreMemoryRequestSchema, StoreMemoryResponseSchema),
  /** memory: many items at once, each as StoreMemory (imports, the benchmark) */
  StoreMemoryBatch: defineQuery('sigil.memory.v1.store_batch', StoreMemoryBatchRequestSchema, StoreMemoryBatchResponseSchema),
  /** memory: layer 1; extraction follows asynchronously */
  StoreResource: defineQuery('sigil.memory.v1.store_resource', StoreResourceRequestSchema, StoreResourceResponseSchema),
  /** memory */
  GetResource: defineQuery('sigil.memory.v1.get_resource', GetResourceRequestSchema, GetResourceResponseSchema),
  /** memory: layer 3, without the summaries */
  ListCategories: defineQuery('sigil.memory.v1.list_categories', ListCategoriesRequestSchema, ListCategoriesResponseSchema),
  /** memory: a category with its summary */
  GetCategory: defineQuery('sigil.memory.v1.get_category', GetCategoryRequestSchema, GetCategoryResponseSchema),
  /** memory: erases a session's or a subject's resources, items and vectors */
  EraseMemory: defineQuery('sigil.memory.v1.erase', EraseMemoryRequestSchema, EraseMemoryResponseSchema),
  /** event-store */
  ListSessionEvents: defineQuery('sigil.events.v1.list_session', ListSessionEventsRequestSchema, ListSessionEventsResponseSchema),
  /** contracts */
  CreateContract: defineQuery('sigil.contracts.v1.create', CreateContractRequestSchema, ContractReplySchema),
  /** contracts: a tenant's contract or a template */
  GetContract: defineQuery('sigil.contracts.v1.get', GetContractRequestSchema, ContractReplySchema),
  /** contracts */
  ListContracts: defineQuery('sigil.contracts.v1.list', ListContractsRequestSchema, ListContractsReplySchema),
  /** contracts: a new revision; templates are refused (CV-006) */
  UpdateContract: defineQuery('sigil.contracts.v1.update', UpdateContractRequestSchema, ContractReplySchema),
  /** contracts */
  DeleteContract: defineQuery('sigil.contracts.v1.delete', DeleteContractRequestSchema, DeleteContractReplySchema),
  /** contracts */
  ValidateOutput: defineQuery('sigil.contracts.v1.validate', ValidateOutputRequestSchema, ValidateOutputReplySchema),
  /** contracts */
  ListTemplates: defineQuery('sigil.contracts.v1.list_templates', ListTemplatesRequestSchema, ListTemplatesReplySchema),
  /** contracts */
  GetPromptContext: defineQuery('sigil.contracts.v1.prompt_context', GetPromptContextRequestSchema, GetPromptContextReplySchema),
} as const;

export const allQueries = Object.values(Queries);
