import type { RunCompleted, RunView, StepOutcome, TokenUsage } from '@sigil/schemas';
import type { RunLimits } from './run-limits';

export const tokenCounts = (usage: TokenUsage | undefined) => ({
  input_tokens: Number(usage?.inputTokens ?? 0n),
  output_tokens: Number(usage?.outputTokens ?? 0n),
  total_tokens: Number(usage?.totalTokens ?? 0n),
});

/** One plan step as the API shows it; a step without output or error has null there. */
export const stepView = (step: StepOutcome) => ({
  id: step.stepId,
  title: step.title,
  status: step.status,
  output: step.output || null,
  error: step.error || null,
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
  | 'steps'
  | 'maxTotalTokens'
  | 'deadlineAt'
>;

/** The run response of the API guidelines, with how its contract shaped it, its steps and its limits. */
export function runResponse(run: RunFacts) {
  return {
    run_id: run.runId,
    session_id: run.sessionId,
    agent: run.agentName,
    status: run.status,
    response: run.status === 'completed' ? run.response : null,
    ...(run.errorCode ? { error: { error_code: run.errorCode, message: run.errorMessage } } : {}),
    ...(run.status === 'escalated' ? { review: { reasons: run.contractErrors, links: { review: `/v7/runs/${run.runId}/review` } } } : {}),
    steps: run.steps.map(stepView),
    // Runs accepted before budgets and deadlines existed have neither.
    max_total_tokens: run.maxTotalTokens > 0n ? Number(run.maxTotalTokens) : null,
    deadline_at: run.deadlineAt || null,
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

/**
 * A completed run's response straight from the event the request waited for: no second trip to the
 * planner. The limits are the ones this gateway gave the run, as the planner records them.
 */
export function completedRunFacts(event: RunCompleted, agentName: string, requestId: string, limits: RunLimits): RunFacts {
  const { runId, sessionId, response, tokensUsed, modelUsed, latencyMs, appliedStrategy, attempts, contractName, steps } = event;
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
    steps,
    maxTotalTokens: BigInt(limits.maxTotalTokens),
    deadlineAt: new Date(limits.deadlineMs).toISOString(),
  };
}
