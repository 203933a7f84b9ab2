import type { MessageInitShape } from '@bufbuild/protobuf';
import type { RouteDecision } from '@sigil/routing';
import type { RouteDecidedSchema } from '@sigil/schemas';

/** The sigil.routing.v1.decided payload: the whole decision, for the run it was made for. */
export function routeDecidedPayload(run: { runId: string; sessionId: string }, decision: RouteDecision): MessageInitShape<typeof RouteDecidedSchema> {
  return {
    runId: run.runId,
    sessionId: run.sessionId,
    intent: decision.intent,
    intentConfidence: decision.intentConfidence,
    complexity: decision.complexity.score,
    factors: decision.complexity.factors,
    strategy: decision.strategy,
    stratum: decision.stratum,
    usePlanning: decision.usePlanning,
    useMemory: decision.useMemory,
    useContracts: decision.useContracts,
    handler: decision.handler,
    strategyRange: decision.strategyRange,
    useEvolution: decision.useEvolution,
    reasons: decision.reasons,
  };
}
