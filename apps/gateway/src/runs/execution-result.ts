import type { RunView } from '@sigil/schemas';
import { ProblemException } from '../common/problem';

const CONTRACT_SPEC_ERROR = { status: 400, title: 'InvalidContractSpecError' };
const CONTRACT_VIOLATION = { status: 422, title: 'ContractViolationError' };

/** How a failed run's code answers: contract codes by their meaning, then the run's own stops (plan, context, reasoning, model). */
const PROBLEM_OF_RUN_CODE: Record<string, { status: number; title: string }> = {
  'CV-001': CONTRACT_SPEC_ERROR,
  'CV-002': CONTRACT_SPEC_ERROR,
  'CV-003': CONTRACT_SPEC_ERROR,
  'CV-004': { status: 404, title: 'ContractNotFoundError' },
  'CV-007': CONTRACT_VIOLATION,
  'CV-008': CONTRACT_VIOLATION,
  PLAN_001: { status: 422, title: 'PlanRejectedError' },
  PLAN_002: { status: 422, title: 'PlanRejectedError' },
  PLAN_003: { status: 422, title: 'PlanRejectedError' },
  CTX_004: { status: 422, title: 'ContextOverflowError' },
  RSN_001: { status: 502, title: 'ReasoningFailedError' },
  RSN_002: { status: 502, title: 'ToolFailedError' },
  LLM_001: { status: 503, title: 'ModelUnavailableError' },
};
const EXECUTION_ERROR = { status: 500, title: 'ContractExecutionError' };

/** The output as the JSON the contract asked for, or the text when it is not JSON (a run without a contract). */
function parsedOutput(response: string): unknown {
  try {
    return JSON.parse(response) as unknown;
  } catch {
    return response;
  }
}

/** The spec's ExecutionResult (§7.3) of a run that completed or waits for review. */
export function executionResult(run: RunView) {
  const completed = run.status === 'completed';
  const strategy = completed ? run.appliedStrategy : run.status === 'escalated' ? 'escalate' : run.appliedStrategy;
  const isValid = completed && (run.appliedStrategy === 'success' || run.appliedStrategy === 'retry');
  return {
    run_id: run.runId,
    status: run.status,
    output: completed ? parsedOutput(run.response) : null,
    is_valid: isValid,
    attempts: run.attempts,
    tokens_used: Number(run.tokensUsed?.totalTokens ?? 0n),
    applied_strategy: strategy || null,
    validation_result: { is_valid: isValid, errors: isValid ? [] : run.contractErrors },
    metadata: {
      contract: run.contractName || null,
      execution_time_ms: Number(run.latencyMs),
      model_used: run.modelUsed || null,
      retries_performed: Math.max(run.attempts - 1, 0),
    },
    ...(run.status === 'escalated' ? { review: { reasons: run.contractErrors, links: { review: `/v7/runs/${run.runId}/review` } } } : {}),
  };
}

/** A failed execution as the problem its code names (CV-008 for the fail strategy), never a 200. */
export function executionFailure(run: RunView): ProblemException {
  const { status, title } = PROBLEM_OF_RUN_CODE[run.errorCode] ?? EXECUTION_ERROR;
  const contractViolation = run.errorCode === 'CV-007' || run.errorCode === 'CV-008';
  return new ProblemException({
    status,
    title,
    errorCode: run.errorCode || 'CV-009',
    detail: `Run ${run.runId}: ${run.errorMessage || 'the execution failed'}`,
    recoveryHints:
      contractViolation
        ? ['Read the listed errors: each names the field and the rule it broke', 'Use a failure strategy that repairs the output (retry, fallback, partial, template) or escalate it for review']
        : ['Check the contract given to the execution', `GET /v7/runs/${run.runId} shows the run`],
  });
}
