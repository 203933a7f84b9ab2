import type { FailureStrategy } from '../model/contract';

export interface StepViolationInput {
  /** The plan can go on without this step's output. */
  optional: boolean;
  /** The failure strategy of the run's contract. */
  runFailureStrategy: FailureStrategy;
  replansUsed: number;
  maxReplans: number;
}

export interface StepViolationDecision {
  action: 'replan' | 'skip' | 'abort';
  reason: string;
}

/**
 * What a plan does when a step's output breaks its contract (after the step's own retry):
 * an optional step is skipped; under a `fail` run contract the run aborts (strict runs do not
 * improvise); otherwise the planner replans while replans remain, then aborts.
 */
export function decideStepViolation(input: StepViolationInput): StepViolationDecision {
  if (input.optional) return { action: 'skip', reason: 'the step is optional' };
  if (input.runFailureStrategy === 'fail') return { action: 'abort', reason: 'the run contract uses the fail strategy' };
  if (input.replansUsed < input.maxReplans) return { action: 'replan', reason: `replan ${input.replansUsed + 1} of ${input.maxReplans}` };
  return { action: 'abort', reason: `no replans left (${input.maxReplans} used)` };
}
