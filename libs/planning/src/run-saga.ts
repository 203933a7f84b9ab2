/**
 * The run orchestration as pure functions (Emmett style): `evolve` folds what the planner learns
 * into the run's state, `decide` says what to do next. The planner stores the state and carries out
 * the commands through its outbox, so a redelivered fact can never issue a command twice.
 */
import { cancel, complete, fail, finalAttemptOf, nothing, type Decision } from './run-endings';
import { CONTRACT_VIOLATION, decideExecution, retryFinalStep } from './run-execution';
import { adoptSingleStepPlan, decidePlanning, startPlanning } from './run-planning';
import { DEFAULT_RUN_SETTINGS, type RunSettings } from './run-settings';
import { isFinished, totalTokens, type RunContract, type RunFact, type RunState, type StepAttempt, type Verdict } from './run-state';

/** The spec's error codes (appendix C) for a run that ends on its contract (and CV-008, the violation, from run-execution). */
export { CONTRACT_VIOLATION };
export const CONTRACT_REJECTED_IN_REVIEW = 'CV-007';
export const CONTRACT_EXECUTION_ERROR = 'CV-009';
/** A run stopped on request, or because its deadline passed. */
export const RUN_CANCELLED = 'RUN_004';
export const RUN_DEADLINE_PASSED = 'RUN_005';

/** A result for an attempt still in flight; anything else (a redelivery, a result after the run ended) changes nothing. */
function settleAttempt(state: RunState, stepId: string, atMs: number, result: Partial<StepAttempt>): RunState {
  const attempt = state.steps.find((candidate) => candidate.stepId === stepId);
  if (!attempt || attempt.status !== 'dispatched') return state;
  return { ...state, lastFactAtMs: atMs, steps: state.steps.map((candidate) => (candidate === attempt ? { ...candidate, ...result } : candidate)) };
}

/** Facts may arrive in any order (the router can be faster than the planner's own consumer). */
export function evolve(state: RunState, fact: RunFact): RunState {
  switch (fact.type) {
    case 'requested': {
      // The first delivery's snapshot stands: a redelivery read later could bring other history.
      if (state.request) return state;
      const { input, agent, requestedAtMs, requestId, maxTotalTokens, deadlineMs, history, contractOverride } = fact;
      return { ...state, request: { input, agent, requestedAtMs, requestId, maxTotalTokens, deadlineMs, history, contractOverride } };
    }
    case 'routed': {
      const { strategy, complexity, intent, usePlanning, useMemory, useContracts } = fact;
      return { ...state, route: { strategy, complexity, intent, usePlanning, useMemory, useContracts } };
    }
    case 'contract_selected': {
      // Known to be none already (see knownContract): selection can only agree, and the run has started on it.
      if (state.contract) return state;
      const { name, failureStrategy, maxRetries, promptContext, strategy } = fact;
      return { ...state, contract: { name, failureStrategy, maxRetries, promptContext, strategy } };
    }
    case 'recalled':
      return state.memory ? state : { ...state, memory: { items: fact.items, tokens: fact.tokens } };
    case 'plan_looked_up': {
      const planning = state.planning;
      if (planning?.cache?.status !== 'pending') return state;
      return { ...state, planning: { ...planning, cache: { status: 'answered', planJson: fact.planJson } } };
    }
    case 'step_completed':
      return settleAttempt(state, fact.stepId, fact.atMs, { status: 'completed', output: fact.output, tokens: fact.tokens, model: fact.model });
    case 'step_failed': {
      const settled = settleAttempt(state, fact.stepId, fact.atMs, {
        status: 'failed',
        error: { code: fact.errorCode, message: fact.message, retryable: fact.retryable },
        tokens: fact.tokens,
        model: fact.model,
      });
      // Reasoning aborts a step at the run's deadline, which may reach us before our own sweeper does:
      // past the deadline, the run stops for its deadline, whatever the step failed with.
      return stopAtDeadline(settled, fact.atMs);
    }
    case 'validated': {
      // A verdict on an earlier attempt (a redelivery) says nothing about the current one.
      if (fact.attempt !== state.validations || state.status !== 'validating') return state;
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
    case 'cancel_requested':
      if (isFinished(state) || state.stop) return state;
      return { ...state, stop: { code: RUN_CANCELLED, reason: fact.reason || 'cancelled on request', atMs: fact.atMs } };
    case 'deadline_passed':
      return stopAtDeadline(state, fact.atMs);
  }
}

/** The deadline bounds the machine's work; a run waiting for a person's review is not cut off by it. */
function stopAtDeadline(state: RunState, atMs: number): RunState {
  const deadlineMs = state.request?.deadlineMs ?? 0;
  if (isFinished(state) || state.stop || state.status === 'escalated' || deadlineMs <= 0 || atMs < deadlineMs) return state;
  return { ...state, stop: { code: RUN_DEADLINE_PASSED, reason: `deadline passed (${new Date(deadlineMs).toISOString()})`, atMs } };
}

/**
 * A contract retry's prompt is `TASK: <input>` and the contract's requirements with what was wrong.
 * The context manager adds the task itself, fenced as data, so only the requirements are kept.
 */
export function retryRequirements(refinedPrompt: string, input: string): string {
  const taskLine = `TASK: ${input}`;
  return refinedPrompt.startsWith(taskLine) ? refinedPrompt.slice(taskLine.length).trimStart() : refinedPrompt;
}

const NO_CONTRACT: RunContract = { name: null, failureStrategy: '', maxRetries: 0, promptContext: '', strategy: '' };

/**
 * The run's contract once it is known. With contracts switched off by the route and none named by
 * the request, selection can only answer "none" (its first rule), so the run need not wait a hop for
 * it. State stored before these flags existed has them undefined, and waits.
 */
function knownContract({ contract, route, request }: RunState): RunContract | undefined {
  return contract ?? (route?.useContracts === false && request?.contractOverride === false ? NO_CONTRACT : undefined);
}

/**
 * Gathers request, route, contract and (when the route uses memory) recalled memory, then plans.
 * Memory recalls for every run as soon as it is requested, alongside routing (ADR 0010), so there
 * is nothing to ask for: a run that uses memory waits for the answer, one that does not ignores it.
 */
function decideStart(current: RunState, settings: RunSettings): Decision {
  const state = { ...current, contract: knownContract(current) };
  const { request, route, contract } = state;
  if (!request || !route || !contract || (route.useMemory && !state.memory)) return nothing(state);
  return route.usePlanning ? startPlanning(state, request, settings) : adoptSingleStepPlan(state, request);
}

function decideOnce(state: RunState, settings: RunSettings): Decision {
  if (isFinished(state)) return nothing(state);
  if (state.stop) return cancel(state, state.stop);
  const { request, route } = state;
  switch (state.status) {
    case 'accepted':
      return decideStart(state, settings);
    case 'planning':
      return request && route ? decidePlanning(state, request, route, settings) : nothing(state);
    case 'running':
      return request && route ? decideExecution(state, request, route, settings) : nothing(state);
    case 'validating':
      return state.verdict ? actOnVerdict(state, state.verdict, settings) : nothing(state);
    case 'escalated':
      if (!state.review) return nothing(state);
      return state.review.approved ? complete(state, 'escalate') : fail(state, CONTRACT_REJECTED_IN_REVIEW, `rejected in review: ${state.review.note || 'no reason given'}`);
    default:
      return nothing(state);
  }
}

/** Rounds in one decision: gathering → planning → running → validating is the longest chain. */
const MAX_ROUNDS = 5;

/**
 * What to do now, and the state after doing it. A status change can make the next stage ready at
 * once (a cached plan runs straight away), so deciding goes on until the status settles. Deciding
 * again on the result yields nothing.
 */
export function decide(state: RunState, settings: RunSettings = DEFAULT_RUN_SETTINGS): Decision {
  let decision = nothing(state);
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const next = decideOnce(decision.state, settings);
    const changedStatus = next.state.status !== decision.state.status;
    decision = { state: next.state, commands: [...decision.commands, ...next.commands] };
    if (!changedStatus) break;
  }
  return decision;
}

function actOnVerdict(state: RunState, verdict: Verdict, settings: RunSettings): Decision {
  switch (verdict.decision) {
    case 'success':
      return complete(state, state.validations > 1 ? 'retry' : 'success');
    case 'retry': {
      const { request, route } = state;
      if (!verdict.refinedPrompt || !request || !route) return fail(state, CONTRACT_EXECUTION_ERROR, 'a retry was decided without a refined prompt');
      return retryFinalStep(state, request, route, retryRequirements(verdict.refinedPrompt, request.input), settings);
    }
    case 'fallback':
    case 'partial':
    case 'template':
      return complete(state, verdict.decision);
    case 'escalate': {
      const output = verdict.output ?? finalAttemptOf(state)?.output ?? '';
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
