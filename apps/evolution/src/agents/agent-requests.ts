import type { PageWindow } from '@sigil/persistence';
import type { CreateAgentRequest, ListAgentsRequest, UpdateAgentRequest } from '@sigil/schemas';
import { containsPattern, InvalidArgument, orderByOf, pageOf, statusOf, timestampOf, tokenBudgetOf } from './agent-arguments';

/** A list request, checked: an absent filter is undefined, the sort is SQL from the whitelist. */
export interface ListCriteria {
  page: PageWindow;
  stratum?: string;
  status?: string;
  createdAfter?: string;
  createdBefore?: string;
  /** ILIKE pattern for name or description. */
  contains?: string;
  orderBy: string;
}

/** proto3 sends an absent filter as the empty string, which filters nothing. */
const ifGiven = <T>(value: string, parse: (value: string) => T): T | undefined => (value === '' ? undefined : parse(value));

export function listCriteriaOf(request: ListAgentsRequest): ListCriteria {
  return {
    page: pageOf(request.page, request.perPage),
    stratum: ifGiven(request.stratum, (stratum) => stratum),
    status: ifGiven(request.status, (status) => statusOf('status', status)),
    createdAfter: ifGiven(request.createdAfter, (after) => timestampOf('created_after', after)),
    createdBefore: ifGiven(request.createdBefore, (before) => timestampOf('created_before', before)),
    contains: ifGiven(request.q, containsPattern),
    orderBy: orderByOf(request.sort),
  };
}

export interface NewAgent {
  name: string;
  stratum: string;
  description: string;
  systemPrompt: string;
  /** null: the platform default. */
  maxTotalTokens: bigint | null;
}

export function newAgentOf(request: CreateAgentRequest): NewAgent {
  const { name, stratum, description, systemPrompt } = request;
  return { name, stratum, description, systemPrompt, maxTotalTokens: tokenBudgetOf('max_total_tokens', request.maxTotalTokens) };
}

export interface AgentChanges {
  stratum?: string;
  description?: string;
  systemPrompt?: string;
  status?: string;
  /** null: back to the platform default. */
  maxTotalTokens?: bigint | null;
}

/** Only the fields the caller set (proto3 optional presence, so '' is a value); an update setting none is refused. */
export function agentChangesOf(request: UpdateAgentRequest): AgentChanges {
  const changes: AgentChanges = {};
  if (request.stratum !== undefined) changes.stratum = request.stratum;
  if (request.description !== undefined) changes.description = request.description;
  if (request.systemPrompt !== undefined) changes.systemPrompt = request.systemPrompt;
  if (request.status !== undefined) changes.status = statusOf('status', request.status);
  if (request.maxTotalTokens !== undefined) changes.maxTotalTokens = tokenBudgetOf('max_total_tokens', request.maxTotalTokens);
  if (Object.keys(changes).length === 0) throw new InvalidArgument('an update must set at least one of stratum, description, system_prompt, status, max_total_tokens');
  return changes;
}
