/**
 * Running the plan: results settle their steps, failed steps follow their policy, and every step
 * whose dependencies are done is dispatched at once, up to the run's parallelism. The final step's
 * output goes to contract validation.
 */
import { readySteps } from '@sigil/plans';
import { complete, fail, finalAttemptOf, nothing, type Decision } from './run-endings';
import { startReplan } from './run-planning';
import { MAX_REPLANS, type RunSettings } from './run-settings';
import { totalTokens, type PlanStepProgress, type RunPlan, type RunRequest, type RunRoute, type RunState, type StepError } from './run-state';
import { budgetStop, dispatchPlanStep } from './step-dispatch';
import { failureAction } from './step-failure';

type Settled = { state: RunState } | { ended: Decision };

const withStep = (plan: RunPlan, step: PlanStepProgress): RunPlan => ({ ...plan, steps: plan.steps.map((candidate) => (candidate.id === step.id ? step : candidate)) });

/** A failed attempt of a step: retried, skipped, replanned or the end of the run. */
function settleFailure(state: RunState, plan: RunPlan, step: PlanStepProgress, error: StepError): Settled {
  const failed = { ...step, failures: step.failures + 1, error: { code: error.code, message: error.message } };
  const reason = `step '${step.id}' failed: ${error.code} ${error.message}`;
  switch (failureAction(failed, error)) {
    case 'retry':
      return { state: { ...state, plan: withStep(plan, { ...failed, status: 'pending' }) } };
    case 'skip':
      // The final step's output is the run's answer: without it there is nothing to skip to.
      if (step.id === plan.finalStepId) return { ended: fail({ ...state, plan: withStep(plan, { ...failed, status: 'failed' }) }, error.code, `${reason} (the final step cannot be skipped)`) };
      return { state: { ...state, plan: withStep(plan, { ...failed, status: 'skipped' }) } };
    case 'replan': {
      const next = { ...state, plan: withStep(plan, { ...failed, status: 'failed' as const }) };
      if (plan.replans >= MAX_REPLANS) return { ended: fail(next, error.code, `${reason} (no replan left after ${MAX_REPLANS})`) };
      return { state: { ...next, replanPending: next.replanPending ?? { failedStepId: step.id, failure: `${error.code} ${error.message}` } } };
    }
    case 'abort':
      return { ended: fail({ ...state, plan: withStep(plan, { ...failed, status: 'failed' }) }, error.code, reason) };
  }
}

/** Takes in the results of dispatched steps. */
function settle(state: RunState, plan: RunPlan): Settled {
  let current = state;
  for (const step of plan.steps) {
    if (step.status !== 'dispatched') continue;
    const attempt = current.steps.find((candidate) => candidate.stepId === step.stepId);
    const currentPlan = current.plan ?? plan;
    if (attempt?.status === 'completed') current = { ...current, plan: withStep(currentPlan, { ...step, status: 'completed' }) };
    if (attempt?.status === 'failed' && attempt.error) {
      const settled = settleFailure(current, currentPlan, step, attempt.error);
      if ('ended' in settled) return settled;
      current = settled.state;
    }
  }
  return { state: current };
}

/** The spec's contract violation (appendix C), also what an empty answer without a contract is. */
export const CONTRACT_VIOLATION = 'CV-008';

/**
 * The final step's output is the run's next attempt at an answer. A contract's verdict comes from
 * the contracts service; without one the answer only has to say something, which the planner judges
 * itself rather than spend two hops on the bus (ADR 0010).
 */
function requestValidation(state: RunState, request: RunRequest): Decision {
  const attempt = state.validations + 1;
  const output = finalAttemptOf(state)?.output ?? '';
  if (state.contract?.name === null) {
    const judged = { ...state, validations: attempt };
    return output.trim().length > 0 ? complete(judged, 'success') : fail(judged, CONTRACT_VIOLATION, 'the response must not be empty');
  }
  return {
    state: { ...state, status: 'validating', validations: attempt, verdict: undefined },
    commands: [{ type: 'request_validation', output, attempt, task: request.input, tokens: totalTokens(state) }],
  };
}

const inFlight = (plan: RunPlan) => plan.steps.filter((step) => step.status === 'dispatched').length;

/** Every ready step, in plan order, while the run has room; nothing once the budget is spent. */
function dispatchReady(state: RunState, request: RunRequest, route: RunRoute, plan: RunPlan, settings: RunSettings): Decision {
  const done = new Set(plan.steps.filter((step) => step.status === 'completed' || step.status === 'skipped').map((step) => step.id));
  const started = new Set(plan.steps.filter((step) => step.status !== 'pending').map((step) => step.id));
  const room = settings.maxParallelSteps - inFlight(plan);
  const readyIds = new Set(readySteps(plan.steps, done, started).map((step) => step.id));
  const ready = plan.steps.filter((step) => readyIds.has(step.id)).slice(0, Math.max(room, 0));
  if (ready.length === 0) return nothing(state);
  const stop = budgetStop(state, request);
  if (stop) return stop;
  let decision = nothing(state);
  for (const step of ready) {
    const { state: current } = decision;
    const next = dispatchPlanStep(current, request, route, current.plan ?? plan, step, settings);
    decision = { state: next.state, commands: [...decision.commands, ...next.commands] };
    if (next.state.status === 'failed') return decision;
  }
  return decision;
}

export function decideExecution(state: RunState, request: RunRequest, route: RunRoute, settings: RunSettings): Decision {
  if (!state.plan) return nothing(state);
  const settled = settle(state, state.plan);
  if ('ended' in settled) return settled.ended;
  const current = settled.state;
  const plan = current.plan ?? state.plan;
  const final = plan.steps.find((step) => step.id === plan.finalStepId);
  if (final?.status === 'completed') return requestValidation(current, request);
  if (current.replanPending) return inFlight(plan) > 0 ? nothing(current) : startReplan(current, current.replanPending);
  return dispatchReady(current, request, route, plan, settings);
}

/** A contract retry: the final step runs again as a new attempt, held to the refined requirements. */
export function retryFinalStep(state: RunState, request: RunRequest, route: RunRoute, contractRequirements: string, settings: RunSettings): Decision {
  const plan = state.plan;
  const final = plan?.steps.find((step) => step.id === plan.finalStepId);
  if (!plan || !final) return nothing(state);
  const retrying: RunState = { ...state, status: 'running', finalContract: contractRequirements, finishedAtMs: undefined };
  return budgetStop(retrying, request) ?? dispatchPlanStep(retrying, request, route, plan, final, settings);
}
