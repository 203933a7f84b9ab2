import { Problems, type ProblemException } from '../common/problem';
import type { RunOutcome } from './run-outcomes';
import { stepView } from './run-response';

/** RunCancelled's code for a run stopped at its deadline; any other cancellation was asked for (RUN_004). */
const DEADLINE_EXCEEDED = 'RUN_005';
/** RunFailed's code for a run stopped at its own token budget (not the tenant's daily budget). */
const TOKEN_BUDGET_EXCEEDED = 'CTX_003';

/**
 * A run waited for that stopped without a result because of its limits or a cancellation answers
 * as a problem carrying the steps it did finish (`partial_results`): cancelled 409 RUN_004,
 * deadline 504 RUN_005, token budget 422 CTX_003. Any other outcome is undefined: the caller
 * answers it as before.
 */
export function stoppedRunProblem(outcome: RunOutcome): ProblemException | undefined {
  if (outcome.status === 'cancelled') {
    const { runId, errorCode, reason, partialResults } = outcome.event;
    const partial = partialResults.map(stepView);
    return errorCode === DEADLINE_EXCEEDED ? Problems.runDeadlineExceeded(runId, partial) : Problems.runCancelled(runId, reason, partial);
  }
  if (outcome.status === 'failed' && outcome.event.errorCode === TOKEN_BUDGET_EXCEEDED) {
    const { runId, message, partialResults } = outcome.event;
    return Problems.runTokenBudgetExceeded(runId, message, partialResults.map(stepView));
  }
  return undefined;
}
