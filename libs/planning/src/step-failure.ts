import type { FailurePolicy } from '@sigil/plans';
import type { PlanStepProgress, StepError } from './run-state';

/** CTX_003: the run's token budget would be exceeded; no step policy can continue the run. */
export const TOKEN_BUDGET_EXCEEDED = 'CTX_003';

/** What happens to a step that failed: `retry` dispatches it again; the others are its policy's. */
export type FailureAction = FailurePolicy;

/**
 * A failure that may pass (the error says it is retryable) is retried while the step's failures do
 * not exceed its maxRetries; then its policy applies, and `retry` as a policy means: then abort.
 * A spent budget aborts whatever the policy: every further call would be refused too.
 */
export function failureAction(step: Pick<PlanStepProgress, 'failures' | 'maxRetries' | 'onFailure'>, error: StepError): FailureAction {
  if (error.code === TOKEN_BUDGET_EXCEEDED) return 'abort';
  if (error.retryable && step.failures <= step.maxRetries) return 'retry';
  return step.onFailure === 'retry' ? 'abort' : step.onFailure;
}
