/**
 * The run orchestration as pure functions (Emmett style): `evolve` folds what the planner learns
 * into the run's state, `decide` says what to do next. The planner stores the state and carries out
 * the commands through its outbox, so a redelivered fact can never issue a command twice.
 */
import { attemptsOf, totalTokens, type PlannedStep, type RunCommand, type RunFact, type RunState, type Verdict } from './run-state';

/** The spec's error codes (appendix C) for a run that ends on its contract. */
export const CONTRACT_VIOLATION = 'CV-008';
export const CONTRACT_REJECTED_IN_REVIEW = 'CV-007';
export const CONTRACT_EXECUTION_ERROR = 'CV-009';

/** Facts may arrive in any order (the router can be faster than the planner's own consumer). */
export function evolve(state: RunState, fact: RunFact): RunState {
  switch (fact.type) {
    case 'requested':
      return { ...state, request: { input: fact.input, agent: fact.agent, requestedAtMs: fact.requestedAtMs, requestId: fact.requestId } };
    case 'routed':
      return { ...state, route: { strategy: fact.strategy, complexity: fact.complexity, intent: fact.intent } };
    case 'contract_selected':
      return {
        ...state,
        contract: { name: fact.name, failureStrategy: fact.failureStrategy, maxRetries: fact.maxRetries, promptContext: fact.promptContext, strategy: fact.strategy },
      };
    case 'step_completed':
      return {
        ...state,
        steps: state.steps.map((step) =>
          step.stepId === fact.stepId ? { ...step, status: 'completed', output: fact.output, tokens: fact.tokens, model: fact.model } : step,
        ),
      };
    case 'validated': {
      // A verdict on an earlier attempt (a redelivery) says nothing about the current one.
      if (fact.attempt !== attemptsOf(state) || state.status !== 'validating') return state;
      const { attempt, isValid, decision, errors, refinedPrompt, output, errorCode } = fact;
      return { ...state, verdict: { attempt, isValid, decision, errors, refinedPrompt, output, errorCode }, finishedAtMs: fact.atMs };
    }
    case 'reviewed':
      if (state.status !== 'escalated' || state.review) return state;
      return {
        ...state,
        review: { approved: fact.approved, note: fact.note },
        verdict: state.verdict && fact.output !== undefined ? { ...state.verdict, output: fact.output } : state.verdict,
        finishedAtMs: fact.atMs,
      };
  }
}

/** The first attempt's prompt: the task, then what its contract asks of the output. */
export function firstPrompt(input: string, contractContext: string): string {
  return contractContext ? `TASK: ${input}\n\n${contractContext}` : input;
}

function stepFor(state: RunState, prompt: string): PlannedStep {
  const strategy = state.contract?.strategy || state.route?.strategy || 'direct';
  return { stepId: `${state.runId}:${attemptsOf(state) + 1}`, prompt, strategy, status: 'dispatched' };
}

const latencyOf = (state: RunState) => Math.max((state.finishedAtMs ?? 0) - (state.request?.requestedAtMs ?? 0), 0);

/** What to do now, and the state after doing it. Deciding again on the result yields nothing. */
export function decide(state: RunState): { state: RunState; commands: RunCommand[] } {
  const { request } = state;
  if (state.status === 'accepted' && request && state.route && state.contract) {
    return dispatch(state, firstPrompt(request.input, state.contract.promptContext));
  }
  const last = state.steps[state.steps.length - 1];
  if (state.status === 'running' && last?.status === 'completed' && request) {
    return {
      state: { ...state, status: 'validating', verdict: undefined },
      commands: [{ type: 'request_validation', output: last.output ?? '', attempt: attemptsOf(state), task: request.input, tokens: totalTokens(state) }],
    };
  }
  if (state.status === 'validating' && state.verdict) return actOnVerdict(state, state.verdict);
  if (state.status === 'escalated' && state.review) return state.review.approved ? complete(state, 'escalate') : fail(state, CONTRACT_REJECTED_IN_REVIEW, `rejected in review: ${state.review.note || 'no reason given'}`);
  return { state, commands: [] };
}

function dispatch(state: RunState, prompt: string): { state: RunState; commands: RunCommand[] } {
  const step = stepFor(state, prompt);
  return {
    state: { ...state, status: 'running', steps: [...state.steps, step] },
    commands: [{ type: 'dispatch_step', step, systemPrompt: state.request?.agent.systemPrompt ?? '' }],
  };
}

function actOnVerdict(state: RunState, verdict: Verdict): { state: RunState; commands: RunCommand[] } {
  switch (verdict.decision) {
    case 'success':
      return complete(state, attemptsOf(state) > 1 ? 'retry' : 'success');
    case 'retry':
      if (!verdict.refinedPrompt) return fail(state, CONTRACT_EXECUTION_ERROR, 'a retry was decided without a refined prompt');
      return dispatch({ ...state, finishedAtMs: undefined }, verdict.refinedPrompt);
    case 'fallback':
    case 'partial':
    case 'template':
      return complete(state, verdict.decision);
    case 'escalate': {
      const output = verdict.output ?? state.steps[state.steps.length - 1]?.output ?? '';
      return {
        state: { ...state, status: 'escalated', finishedAtMs: undefined },
        commands: [{ type: 'escalate', output, reasons: verdict.errors, tokens: totalTokens(state) }],
      };
    }
    case 'fail':
      return fail(state, verdict.errorCode ?? CONTRACT_VIOLATION, verdict.errors.join('; ') || 'output failed its contract');
    default:
      return fail(state, CONTRACT_EXECUTION_ERROR, `unknown contract decision '${String(verdict.decision)}'`);
  }
}

function complete(state: RunState, appliedStrategy: NonNullable<RunState['result']>['appliedStrategy']): { state: RunState; commands: RunCommand[] } {
  const last = state.steps[state.steps.length - 1];
  const response = state.verdict?.output ?? last?.output ?? '';
  return {
    state: { ...state, status: 'completed', result: { response, appliedStrategy } },
    commands: [
      {
        type: 'complete',
        response,
        tokens: totalTokens(state),
        model: last?.model ?? '',
        latencyMs: latencyOf(state),
        appliedStrategy,
        attempts: attemptsOf(state),
        contractName: state.contract?.name ?? '',
      },
    ],
  };
}

function fail(state: RunState, code: string, message: string): { state: RunState; commands: RunCommand[] } {
  return {
    state: { ...state, status: 'failed', error: { code, message } },
    commands: [{ type: 'fail', errorCode: code, message, tokens: totalTokens(state), latencyMs: latencyOf(state) }],
  };
}
