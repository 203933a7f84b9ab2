import type { MessageInitShape } from '@bufbuild/protobuf';
import { totalTokens, type RunState } from '@sigil/planning';
import type { RunViewSchema } from '@sigil/schemas';

/** A run's saga state with the row's creation time, as the repository reads it. */
export interface StoredRun {
  state: RunState;
  createdAt: Date;
}

/** When the run finished (completed or failed), else undefined while it is still going. */
export function finishedAt(state: RunState): Date | undefined {
  const finished = state.status === 'completed' || state.status === 'failed';
  return finished && state.finishedAtMs !== undefined ? new Date(state.finishedAtMs) : undefined;
}

/** The run as the API shows it; `validating` is still `running` to a caller. */
export function toRunView({ state, createdAt }: StoredRun): MessageInitShape<typeof RunViewSchema> {
  const tokens = totalTokens(state);
  const last = state.steps[state.steps.length - 1];
  const finished = state.status === 'completed' || state.status === 'failed';
  return {
    runId: state.runId,
    sessionId: state.sessionId,
    agentName: state.request?.agent.name ?? '',
    // Runs stored before the agent's version was kept have none.
    agentVersion: state.request?.agent.version ?? 0,
    status: state.status === 'validating' ? 'running' : state.status,
    response: state.status === 'completed' ? (state.result?.response ?? last?.output ?? '') : '',
    tokensUsed: {
      inputTokens: BigInt(tokens.inputTokens),
      outputTokens: BigInt(tokens.outputTokens),
      totalTokens: BigInt(tokens.inputTokens + tokens.outputTokens),
    },
    modelUsed: last?.model ?? '',
    latencyMs: BigInt(finished ? Math.max((state.finishedAtMs ?? 0) - (state.request?.requestedAtMs ?? 0), 0) : 0),
    requestId: state.request?.requestId ?? '',
    errorCode: state.error?.code ?? '',
    errorMessage: state.error?.message ?? '',
    createdAt: createdAt.toISOString(),
    completedAt: finishedAt(state)?.toISOString() ?? '',
    appliedStrategy: state.result?.appliedStrategy ?? '',
    attempts: state.steps.length,
    contractErrors: state.verdict?.errors ?? [],
    contractName: state.contract?.name ?? '',
  };
}
