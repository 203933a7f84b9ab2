import type { MessageInitShape } from '@bufbuild/protobuf';
import { totalTokens, type RunState } from '@sigil/planning';
import type { RunViewSchema } from '@sigil/schemas';

/** The run as the API shows it; `validating` is still `running` to a caller. */
export function toRunView(state: RunState): MessageInitShape<typeof RunViewSchema> {
  const tokens = totalTokens(state);
  const last = state.steps[state.steps.length - 1];
  const finished = state.status === 'completed' || state.status === 'failed';
  return {
    runId: state.runId,
    sessionId: state.sessionId,
    agentName: state.request?.agent.name ?? '',
    status: state.status === 'validating' ? 'running' : state.status,
    response: state.status === 'completed' ? (last?.output ?? '') : '',
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
  };
}
