import { AgentStatusAndVersions1763700000500 } from './agent-status-and-versions.migration';
import { CreateAgents1763700000300 } from './create-agents.migration';

export const EVOLUTION_SCHEMA = 'evolution';
export const evolutionMigrations = [CreateAgents1763700000300, AgentStatusAndVersions1763700000500];
