/**
 * Making the run's plan: the one-step plan of simple work, or for complex work a cached plan or a
 * planning call whose answer is checked (a refused plan gets one more call, told why), and replans
 * after a failed step, which keep what is done.
 */
import { planToJson, type PlanStep } from '@sigil/plans';
import { ANSWER_STEP_ID, readPlanAnswer, singleStepPlan, type PlanAnswer } from './plan-answer';
import { fail, nothing, type Decision } from './run-endings';
import { planReport } from './run-reports';
import { MAX_PLANNING_CALLS, type RunSettings } from './run-settings';
import type { Planning, PlanStepProgress, ReplanReason, RunPlan, RunRequest, RunRoute, RunState } from './run-state';
import { planCacheKey } from './step-context';
import { budgetStop, dispatchPlanningCall, withContext } from './step-dispatch';
import { TOKEN_BUDGET_EXCEEDED } from './step-failure';

const progressOf = (step: PlanStep): PlanStepProgress => ({ ...step, status: 'pending', attempts: 0, failures: 0 });

/** Simple work: one reasoning step with the task. Nothing to announce or cache. */
export function adoptSingleStepPlan(state: RunState, request: RunRequest): Decision {
  const plan: RunPlan = { goal: request.input, steps: singleStepPlan(request.input).steps.map(progressOf), finalStepId: ANSWER_STEP_ID, replans: 0, cached: false, planned: false };
  return nothing({ ...state, status: 'running', plan });
}

/** Complex work: the plan cache is asked first (the adapter answers within the same unit of work). */
export function startPlanning(state: RunState, request: RunRequest, settings: RunSettings): Decision {
  const planning: Planning = { cache: { status: 'pending' }, calls: 0 };
  return withContext(
    state,
    () => planCacheKey(state, request, settings),
    (key) => ({ state: { ...state, status: 'planning', planning }, commands: [{ type: 'look_up_plan', ...key }] }),
  );
}

/** A step failed with `replan`: plan the rest again, keeping the completed steps. */
export function startReplan(state: RunState, reason: ReplanReason): Decision {
  return nothing({ ...state, status: 'planning', planning: { calls: 0, replan: reason }, replanPending: undefined });
}

/** The plan takes over: kept steps of the plan before (a replan), then the new ones. */
function adopt(state: RunState, request: RunRequest, answer: Extract<PlanAnswer, { ok: true }>, source: { cached: boolean }, settings: RunSettings): Decision {
  const replanning = state.planning?.replan !== undefined;
  const kept = replanning ? (state.plan?.steps ?? []).filter((step) => step.status === 'completed') : [];
  const plan: RunPlan = {
    goal: request.input,
    steps: [...kept, ...answer.steps.map(progressOf)],
    finalStepId: answer.finalStepId,
    replans: (state.plan?.replans ?? 0) + (replanning ? 1 : 0),
    cached: source.cached,
    planned: true,
  };
  const adopted: RunState = { ...state, status: 'running', plan, planning: undefined };
  const cacheIt = !replanning && !source.cached;
  return {
    state: adopted,
    commands: [
      { type: 'announce_plan', plan: planReport(adopted), version: plan.replans },
      ...(cacheIt ? [{ type: 'cache_plan' as const, planJson: planToJson({ goal: request.input, steps: answer.steps }), ...planCacheKey(state, request, settings) }] : []),
    ],
  };
}

function callAgain(state: RunState, request: RunRequest, route: RunRoute, planning: Planning, settings: RunSettings): Decision {
  return budgetStop(state, request) ?? dispatchPlanningCall(state, request, route, planning, settings);
}

export function decidePlanning(state: RunState, request: RunRequest, route: RunRoute, settings: RunSettings): Decision {
  const { planning } = state;
  if (!planning || planning.cache?.status === 'pending') return nothing(state);
  if (!planning.stepId) return firstCall(state, request, route, planning, settings);

  const call = state.steps.find((attempt) => attempt.stepId === planning.stepId);
  if (call?.status === 'completed') {
    const kept = planning.replan ? (state.plan?.steps ?? []).filter((step) => step.status === 'completed') : [];
    const answer = readPlanAnswer(call.output ?? '', request.input, kept);
    if (answer.ok) return adopt(state, request, answer, { cached: false }, settings);
    if (planning.calls < MAX_PLANNING_CALLS) return callAgain(state, request, route, { ...planning, previousError: answer.error.message }, settings);
    return fail(state, answer.error.code, answer.error.message);
  }
  if (call?.status === 'failed' && call.error) {
    const { code, message, retryable } = call.error;
    if (code !== TOKEN_BUDGET_EXCEEDED && retryable && planning.calls < MAX_PLANNING_CALLS) return callAgain(state, request, route, planning, settings);
    return fail(state, code, `planning failed: ${message}`);
  }
  return nothing(state);
}

/** A cached plan is checked like a new one; a bad entry is forgotten and the plan made afresh. */
function firstCall(state: RunState, request: RunRequest, route: RunRoute, planning: Planning, settings: RunSettings): Decision {
  const cachedJson = planning.cache?.status === 'answered' ? planning.cache.planJson : undefined;
  if (cachedJson === undefined) return callAgain(state, request, route, planning, settings);
  const cached = readPlanAnswer(cachedJson, request.input);
  if (cached.ok) return adopt(state, request, cached, { cached: true }, settings);
  const call = callAgain(state, request, route, planning, settings);
  return { state: call.state, commands: [{ type: 'forget_cached_plan', ...planCacheKey(state, request, settings) }, ...call.commands] };
}
