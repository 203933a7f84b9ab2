import type { MessageInitShape } from '@bufbuild/protobuf';
import { planReport, stepOutcomes, totalTokens, type RunState, type RunStatus } from '@sigil/planning';
import type { RunPlanViewSchema, RunViewSchema } from '@sigil/schemas';

/** A run's saga state with the row's creation time, as the repository reads it. */
export interface StoredRun {
  state: RunState;
  createdAt: Date;
}

const ENDED: readonly RunStatus[] = ['completed', 'failed', 'cancelled'];

/** When the run ended (completed, failed or cancelled), else undefined while it is still going. */
export function finishedAt(state: RunState): Date | undefined {
  return ENDED.includes(state.status) && state.finishedAtMs !== undefined ? new Date(state.finishedAtMs) : undefined;
}

/** `planning` and `validating` are still `running` to a caller. */
const shownStatus = (status: RunStatus) => (status === 'planning' || status === 'validating' ? 'running' : status);

/** The run as the API shows it. */
export function toRunView({ state, createdAt }: StoredRun): MessageInitShape<typeof RunViewSchema> {
  const tokens = totalTokens(state);
  const answer = state.steps.findLast((attempt) => attempt.status === 'completed' && attempt.kind !== 'plan');
  const finished = finishedAt(state) !== undefined;
  return {
    runId: state.runId,
    sessionId: state.sessionId,
    agentName: state.request?.agent.name ?? '',
    // Runs stored before the agent's version was kept have none.
    agentVersion: state.request?.agent.version ?? 0,
    status: shownStatus(state.status),
    response: state.status === 'completed' ? (state.result?.response ?? '') : '',
    tokensUsed: {
      inputTokens: BigInt(tokens.inputTokens),
      outputTokens: BigInt(tokens.outputTokens),
      totalTokens: BigInt(tokens.inputTokens + tokens.outputTokens),
    },
    modelUsed: answer?.model ?? '',
    latencyMs: BigInt(finished ? Math.max((state.finishedAtMs ?? 0) - (state.request?.requestedAtMs ?? 0), 0) : 0),
    requestId: state.request?.requestId ?? '',
    errorCode: state.error?.code ?? '',
    errorMessage: state.error?.message ?? '',
    createdAt: createdAt.toISOString(),
    completedAt: finishedAt(state)?.toISOString() ?? '',
    appliedStrategy: state.result?.appliedStrategy ?? '',
    attempts: state.validations,
    contractErrors: state.verdict?.errors ?? [],
    contractName: state.contract?.name ?? '',
    steps: stepOutcomes(state),
    maxTotalTokens: BigInt(state.request?.maxTotalTokens ?? 0),
    deadlineAt: state.request?.deadlineMs ? new Date(state.request.deadlineMs).toISOString() : '',
  };
}

/** The run's plan with each step's state (empty steps until the run has a plan). */
export function toRunPlanView(state: RunState): MessageInitShape<typeof RunPlanViewSchema> {
  return { runId: state.runId, ...planReport(state) };
}
