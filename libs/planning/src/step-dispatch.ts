/** Dispatching work to reasoning: plan steps and planning calls, each a new attempt with its own id. */
import { ContextOverflowError } from '@sigil/context';
import { PLANNING_STEP_ID } from './plan-answer';
import { fail, type Decision } from './run-endings';
import type { RunSettings } from './run-settings';
import {
  MAX_OUTPUT_TOKENS,
  PLAN_MAX_OUTPUT_TOKENS,
  totalTokens,
  type DispatchCommand,
  type Planning,
  type PlanStepProgress,
  type RunPlan,
  type RunRequest,
  type RunRoute,
  type RunState,
  type StepAttempt,
} from './run-state';
import { planningCallContext, stepContext } from './step-context';
import { TOKEN_BUDGET_EXCEEDED } from './step-failure';

/**
 * The planner's own budget guard, before it dispatches anything: a run whose counted tokens reach
 * its budget stops with CTX_003. (Reasoning checks every call exactly against its Redis ledger.)
 */
export function budgetStop(state: RunState, request: RunRequest): Decision | undefined {
  const used = totalTokens(state);
  const spent = used.inputTokens + used.outputTokens;
  if (spent < request.maxTotalTokens) return undefined;
  return fail(state, TOKEN_BUDGET_EXCEEDED, `token budget exceeded: the run has used ${spent} of its ${request.maxTotalTokens} tokens`);
}

/** Attempts count per plan step id over the whole run, so an id taken again by a replan gets new step ids. */
const nextAttempt = (state: RunState, planStepId: string) => state.steps.filter((attempt) => attempt.planStepId === planStepId).length + 1;

/** Goes on with the assembled context, or fails the run when even what is never dropped does not fit (CTX_004). */
export function withContext<T>(state: RunState, assemble: () => T, then: (context: T) => Decision): Decision {
  let context: T;
  try {
    context = assemble();
  } catch (error) {
    if (error instanceof ContextOverflowError) return fail(state, error.code, error.message);
    throw error;
  }
  return then(context);
}

function attemptRecord(command: DispatchCommand, dropped: StepAttempt['dropped']): StepAttempt {
  const { stepId, planStepId, attempt, stepType, strategy } = command;
  return { stepId, planStepId, attempt, kind: stepType, strategy, status: 'dispatched', dropped };
}

/** Dispatches a step of the run's plan as its next attempt. */
export function dispatchPlanStep(state: RunState, request: RunRequest, route: RunRoute, plan: RunPlan, step: PlanStepProgress, settings: RunSettings): Decision {
  return withContext(
    state,
    () => stepContext(state, request, plan, step, settings),
    (context) => {
      const attempt = nextAttempt(state, step.id);
      const command: DispatchCommand = {
        type: 'dispatch_step',
        stepId: `${state.runId}:${step.id}:${attempt}`,
        planStepId: step.id,
        attempt,
        stepType: step.type,
        // The contract's boosted strategy is for the step whose output the contract judges; the others keep the route's.
        strategy: (step.id === plan.finalStepId && state.contract?.strategy) || route.strategy || 'direct',
        system: context.system,
        prompt: context.prompt,
        maxOutputTokens: MAX_OUTPUT_TOKENS,
        ...(step.toolName ? { toolName: step.toolName, toolInputJson: JSON.stringify(step.toolInput ?? {}) } : {}),
        runTokenLimit: request.maxTotalTokens,
        deadlineMs: request.deadlineMs,
        complexity: route.complexity,
      };
      const dispatched = { ...step, status: 'dispatched' as const, attempts: step.attempts + 1, stepId: command.stepId };
      return {
        state: {
          ...state,
          plan: { ...plan, steps: plan.steps.map((candidate) => (candidate.id === step.id ? dispatched : candidate)) },
          steps: [...state.steps, attemptRecord(command, context.dropped)],
        },
        commands: [command],
      };
    },
  );
}

/** Dispatches the planning episode's next call: the first, a corrected one after a refusal, or a replan. */
export function dispatchPlanningCall(state: RunState, request: RunRequest, route: RunRoute, planning: Planning, settings: RunSettings): Decision {
  const completed = (state.plan?.steps ?? []).filter((step) => step.status === 'completed').map((step) => ({ id: step.id, title: step.title }));
  const replan = planning.replan && { completed, failedStepId: planning.replan.failedStepId, failure: planning.replan.failure };
  return withContext(
    state,
    () => planningCallContext(state, request, settings, { previousError: planning.previousError, replan }),
    (context) => {
      const attempt = nextAttempt(state, PLANNING_STEP_ID);
      const command: DispatchCommand = {
        type: 'dispatch_step',
        stepId: `${state.runId}:${PLANNING_STEP_ID}:${attempt}`,
        planStepId: PLANNING_STEP_ID,
        attempt,
        stepType: 'plan',
        strategy: 'direct',
        system: context.system,
        prompt: context.prompt,
        maxOutputTokens: PLAN_MAX_OUTPUT_TOKENS,
        runTokenLimit: request.maxTotalTokens,
        deadlineMs: request.deadlineMs,
        complexity: route.complexity,
      };
      return {
        state: { ...state, planning: { ...planning, calls: planning.calls + 1, stepId: command.stepId }, steps: [...state.steps, attemptRecord(command, context.dropped)] },
        commands: [command],
      };
    },
  );
}
