import type { RunCompleted, RunView, TokenUsage } from '@sigil/schemas';

const tokens = (usage: TokenUsage | undefined) => ({
  input_tokens: Number(usage?.inputTokens ?? 0n),
  output_tokens: Number(usage?.outputTokens ?? 0n),
  total_tokens: Number(usage?.totalTokens ?? 0n),
});

type RunFacts = Pick<RunView, 'runId' | 'sessionId' | 'agentName' | 'status' | 'response' | 'tokensUsed' | 'modelUsed' | 'latencyMs' | 'requestId' | 'errorCode' | 'errorMessage'>;

/** The run response of the API guidelines. */
export function runResponse(run: RunFacts) {
  return {
    run_id: run.runId,
    session_id: run.sessionId,
    agent: run.agentName,
    status: run.status,
    response: run.status === 'completed' ? run.response : null,
    ...(run.errorCode ? { error: { error_code: run.errorCode, message: run.errorMessage } } : {}),
    metadata: {
      tokens_used: tokens(run.tokensUsed),
      model_used: run.modelUsed || null,
      latency_ms: Number(run.latencyMs),
      request_id: run.requestId,
    },
  };
}

/** A completed run's response straight from the event the request waited for: no second trip to the planner. */
export function completedRunFacts(event: RunCompleted, agentName: string, requestId: string): RunFacts {
  const { runId, sessionId, response, tokensUsed, modelUsed, latencyMs } = event;
  return { runId, sessionId, agentName, requestId, status: 'completed', response, tokensUsed, modelUsed, latencyMs, errorCode: '', errorMessage: '' };
}
