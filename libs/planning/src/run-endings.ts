/** How a run ends (completed, failed, cancelled), and the decision shape every part of the saga returns. */
import { stepOutcomes } from './run-reports';
import { totalTokens, type AppliedStrategy, type RunCommand, type RunState } from './run-state';

/** What to do now, and the state after doing it. */
export interface Decision {
  state: RunState;
  commands: RunCommand[];
}

export const nothing = (state: RunState): Decision => ({ state, commands: [] });

/** When the run ends: its verdict's or review's time, else the time of the fact that ended it. */
const endedAtMs = (state: RunState) => state.finishedAtMs ?? state.lastFactAtMs ?? state.request?.requestedAtMs ?? 0;
const latencyOf = (state: RunState) => Math.max((state.finishedAtMs ?? 0) - (state.request?.requestedAtMs ?? 0), 0);

/** A run that ends leaves nothing running: steps in flight or still to do are cancelled, and late results are ignored. */
function ended(state: RunState, patch: Partial<RunState>): RunState {
  return {
    ...state,
    ...patch,
    finishedAtMs: patch.finishedAtMs ?? endedAtMs(state),
    steps: state.steps.map((attempt) => (attempt.status === 'dispatched' ? { ...attempt, status: 'cancelled' } : attempt)),
    plan: state.plan && {
      ...state.plan,
      steps: state.plan.steps.map((step) => (step.status === 'pending' || step.status === 'dispatched' ? { ...step, status: 'cancelled' } : step)),
    },
  };
}

/** The final step's latest attempt: the answer and the model that gave it. */
export function finalAttemptOf(state: RunState) {
  const final = state.plan?.steps.find((step) => step.id === state.plan?.finalStepId);
  return state.steps.find((attempt) => attempt.stepId === final?.stepId);
}

export function complete(state: RunState, appliedStrategy: AppliedStrategy): Decision {
  const final = finalAttemptOf(state);
  const response = state.verdict?.output ?? final?.output ?? '';
  const done = ended(state, { status: 'completed', result: { response, appliedStrategy } });
  return {
    state: done,
    commands: [
      {
        type: 'complete',
        input: done.request?.input ?? '',
        response,
        tokens: totalTokens(done),
        model: final?.model ?? '',
        latencyMs: latencyOf(done),
        appliedStrategy,
        attempts: done.validations,
        contractName: done.contract?.name ?? '',
        steps: stepOutcomes(done),
      },
    ],
  };
}

/** The run fails; what its steps produced so far is kept as partial results. */
export function fail(state: RunState, code: string, message: string): Decision {
  const failed = ended(state, { status: 'failed', error: { code, message } });
  return {
    state: failed,
    commands: [{ type: 'fail', errorCode: code, message, tokens: totalTokens(failed), latencyMs: latencyOf(failed), partialResults: stepOutcomes(failed) }],
  };
}

/** The run stops as asked (RUN_004) or at its deadline (RUN_005); finished steps are kept. */
export function cancel(state: RunState, stop: NonNullable<RunState['stop']>): Decision {
  const cancelled = ended(state, { status: 'cancelled', error: { code: stop.code, message: stop.reason }, finishedAtMs: stop.atMs });
  return {
    state: cancelled,
    commands: [
      { type: 'cancel', errorCode: stop.code, reason: stop.reason, tokens: totalTokens(cancelled), latencyMs: latencyOf(cancelled), partialResults: stepOutcomes(cancelled) },
    ],
  };
}
