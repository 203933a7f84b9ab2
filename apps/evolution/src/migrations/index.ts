import { CreateAgents1763700000300 } from './create-agents.migration';

export const EVOLUTION_SCHEMA = 'evolution';
export const evolutionMigrations = [CreateAgents1763700000300];
