import type { MessageInitShape } from '@bufbuild/protobuf';
import type { RouteDecision } from '@sigil/routing';
import type { RouteDecidedSchema, RunRequested } from '@sigil/schemas';

/** What of the run request the route carries: its ids, and its contract overrides for contracts to select by. */
export type RoutedRun = Pick<RunRequested, 'runId' | 'sessionId' | 'contractName' | 'contractJson' | 'forceStrategy'>;

/** The sigil.routing.v1.decided payload: the whole decision, for the run it was made for. */
export function routeDecidedPayload(run: RoutedRun, decision: RouteDecision): MessageInitShape<typeof RouteDecidedSchema> {
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
    contractName: run.contractName,
    contractJson: run.contractJson,
    forceStrategy: run.forceStrategy,
  };
}
