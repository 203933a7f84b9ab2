import { AgentStatusAndVersions1763700000500 } from './agent-status-and-versions.migration';
import { AgentTokenBudget1763700020000 } from './agent-token-budget.migration';
import { CreateAgents1763700000300 } from './create-agents.migration';

export const EVOLUTION_SCHEMA = 'evolution';
export const evolutionMigrations = [CreateAgents1763700000300, AgentStatusAndVersions1763700000500, AgentTokenBudget1763700020000];
