import type { RunView, TokenUsage } from '@sigil/schemas';

const tokens = (usage: TokenUsage | undefined) => ({
  input_tokens: Number(usage?.inputTokens ?? 0n),
  output_tokens: Number(usage?.outputTokens ?? 0n),
  total_tokens: Number(usage?.totalTokens ?? 0n),
});

/** The run response of the API guidelines, from the planner's view of the run. */
export function runResponse(run: RunView) {
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
