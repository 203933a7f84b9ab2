import type { RunView } from '@sigil/schemas';
import { ProblemException } from '../common/problem';

const STATUS_OF_CONTRACT_CODE: Record<string, number> = { 'CV-001': 400, 'CV-002': 400, 'CV-003': 400, 'CV-004': 404, 'CV-007': 422, 'CV-008': 422 };

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

/** A failed execution as the problem its contract code names (CV-008 for the fail strategy), never a 200. */
export function executionFailure(run: RunView): ProblemException {
  const status = STATUS_OF_CONTRACT_CODE[run.errorCode] ?? 500;
  return new ProblemException({
    status,
    title: status === 422 ? 'ContractViolationError' : status === 404 ? 'ContractNotFoundError' : status === 400 ? 'InvalidContractSpecError' : 'ContractExecutionError',
    errorCode: run.errorCode || 'CV-009',
    detail: `Run ${run.runId}: ${run.errorMessage || 'the execution failed'}`,
    recoveryHints:
      status === 422
        ? ['Read the listed errors: each names the field and the rule it broke', 'Use a failure strategy that repairs the output (retry, fallback, partial, template) or escalate it for review']
        : ['Check the contract given to the execution', `GET /v7/runs/${run.runId} shows the run`],
  });
}
