import type { RunCompleted, RunView, TokenUsage } from '@sigil/schemas';

export const tokenCounts = (usage: TokenUsage | undefined) => ({
  input_tokens: Number(usage?.inputTokens ?? 0n),
  output_tokens: Number(usage?.outputTokens ?? 0n),
  total_tokens: Number(usage?.totalTokens ?? 0n),
});

type RunFacts = Pick<
  RunView,
  | 'runId'
  | 'sessionId'
  | 'agentName'
  | 'status'
  | 'response'
  | 'tokensUsed'
  | 'modelUsed'
  | 'latencyMs'
  | 'requestId'
  | 'errorCode'
  | 'errorMessage'
  | 'appliedStrategy'
  | 'attempts'
  | 'contractName'
  | 'contractErrors'
>;

/** The run response of the API guidelines, with how its contract shaped it. */
export function runResponse(run: RunFacts) {
  return {
    run_id: run.runId,
    session_id: run.sessionId,
    agent: run.agentName,
    status: run.status,
    response: run.status === 'completed' ? run.response : null,
    ...(run.errorCode ? { error: { error_code: run.errorCode, message: run.errorMessage } } : {}),
    ...(run.status === 'escalated' ? { review: { reasons: run.contractErrors, links: { review: `/v7/runs/${run.runId}/review` } } } : {}),
    metadata: {
      tokens_used: tokenCounts(run.tokensUsed),
      model_used: run.modelUsed || null,
      latency_ms: Number(run.latencyMs),
      request_id: run.requestId,
      contract: run.contractName || null,
      applied_strategy: run.appliedStrategy || null,
      attempts: run.attempts,
    },
  };
}

/** A completed run's response straight from the event the request waited for: no second trip to the planner. */
export function completedRunFacts(event: RunCompleted, agentName: string, requestId: string): RunFacts {
  const { runId, sessionId, response, tokensUsed, modelUsed, latencyMs, appliedStrategy, attempts, contractName } = event;
  return {
    runId,
    sessionId,
    agentName,
    requestId,
    status: 'completed',
    response,
    tokensUsed,
    modelUsed,
    latencyMs,
    errorCode: '',
    errorMessage: '',
    appliedStrategy,
    attempts,
    contractName,
    contractErrors: [],
  };
}
