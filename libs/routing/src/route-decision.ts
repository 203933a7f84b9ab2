import { assessComplexity, type ComplexityAssessment } from './complexity';
import { classifyIntent, INTENT_HANDLERS, type Handler, type Intent, type IntentClassification } from './intent';
import { selectStrategy, type Strategy, type StrategyRange } from '@sigil/strategy-ranges';
import { resolveStratum, type Stratum } from './stratum';
import { activateSubsystems, type FeatureFlags } from './subsystems';

export interface RouteDecision {
  intent: Intent;
  handler: Handler;
  /** The classifier's confidence, in [0.5, 1); 1 when routing is switched off and the intent is fixed. */
  intentConfidence: number;
  complexity: ComplexityAssessment;
  strategy: Strategy;
  strategyRange: StrategyRange;
  stratum: Stratum;
  usePlanning: boolean;
  useMemory: boolean;
  useContracts: boolean;
  useEvolution: boolean;
  /** Short lines saying why: the intent, a defaulted stratum, the strategy, then each subsystem. */
  reasons: string[];
}

/**
 * With routing switched off nothing is classified: every input is general chat for the chat
 * handler, the spec's catch-all, at confidence 1 since configuration, not a guess, decided it.
 * Complexity, strategy and the other subsystems are decided as usual.
 */
const UNROUTED: Pick<IntentClassification, 'intent' | 'handler' | 'confidence'> = { intent: 'general_chat', handler: INTENT_HANDLERS.general_chat, confidence: 1 };

const intentReason = ({ intent, handler, confidence }: typeof UNROUTED, routed: boolean) =>
  `intent: ${intent} -> ${handler}, ${routed ? `confidence ${confidence}` : 'SIGIL_USE_ROUTING is off'}`;
const stratumReason = (given: string | undefined, used: Stratum) => `stratum: ${given ? `unknown ${JSON.stringify(given)}` : 'none given'}, using ${used}`;
const strategyReason = (strategy: Strategy, { low, high }: StrategyRange, score: number) =>
  `strategy: ${strategy}, complexity ${score} in [${low}, ${high}${strategy === 'mcts' ? ']' : ')'}`;

/** Routes an input (spec §3.2): intent and handler, complexity, reasoning strategy, stratum and which subsystems take part. */
export function decideRoute(input: string, stratum: string | undefined, flags: FeatureFlags): RouteDecision {
  const classification = flags.useRouting ? classifyIntent(input) : UNROUTED;
  const complexity = assessComplexity(input);
  const { strategy, range } = selectStrategy(complexity.score);
  const resolved = resolveStratum(stratum);
  const subsystems = activateSubsystems(classification.intent, complexity.score, flags);
  const reasons = [
    intentReason(classification, flags.useRouting),
    ...(resolved.recognised ? [] : [stratumReason(stratum, resolved.stratum)]),
    strategyReason(strategy, range, complexity.score),
    ...subsystems.reasons,
  ];
  return {
    intent: classification.intent,
    handler: classification.handler,
    intentConfidence: classification.confidence,
    complexity,
    strategy,
    strategyRange: range,
    stratum: resolved.stratum,
    usePlanning: subsystems.usePlanning,
    useMemory: subsystems.useMemory,
    useContracts: subsystems.useContracts,
    useEvolution: subsystems.useEvolution,
    reasons,
  };
}
