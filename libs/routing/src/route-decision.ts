import { assessComplexity, type ComplexityAssessment } from './complexity';
import { classifyIntent, type Intent } from './intent';
import { strategyFor, type Strategy } from './strategy';

export const STRATA = ['RTI', 'RAI', 'ZACS', 'EEI', 'IGE'] as const;
export type Stratum = (typeof STRATA)[number];

export interface FeatureFlags {
  useRouting: boolean;
  usePlanning: boolean;
  useMemory: boolean;
  useContracts: boolean;
}

const MEMORY_RELEVANT_INTENTS: readonly Intent[] = ['query_memory', 'run_agent', 'general_chat'];

export interface RouteDecision {
  intent: Intent;
  handler: string;
  intentConfidence: number;
  complexity: ComplexityAssessment;
  strategy: Strategy;
  stratum: string;
  usePlanning: boolean;
  useMemory: boolean;
  useContracts: boolean;
}

/** Routes an input: intent, complexity, strategy and which subsystems take part (spec §3.2). */
export function decideRoute(input: string, stratum: string, flags: FeatureFlags): RouteDecision {
  const classification = flags.useRouting ? classifyIntent(input) : { intent: 'general_chat' as const, handler: 'chat', confidence: 1 };
  const complexity = assessComplexity(input);
  return {
    intent: classification.intent,
    handler: classification.handler,
    intentConfidence: classification.confidence,
    complexity,
    strategy: strategyFor(complexity.score),
    stratum,
    usePlanning: flags.usePlanning && complexity.score > 0.5,
    useMemory: flags.useMemory && MEMORY_RELEVANT_INTENTS.includes(classification.intent),
    useContracts: flags.useContracts && complexity.score > 0.7,
  };
}
