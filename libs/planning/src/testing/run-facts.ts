/** Facts and helpers for the saga's given/when/then tests. */
import { planToJson, type PlanStep } from '@sigil/plans';
import type { Decision } from '../run-endings';
import { decide, evolve } from '../run-saga';
import { DEFAULT_RUN_SETTINGS, type RunSettings } from '../run-settings';
import { initialRunState, type DispatchCommand, type RunCommand, type RunContract, type RunFact, type RunRequest, type RunRoute, type RunState } from '../run-state';

export const agent = { name: 'helper', version: 3, systemPrompt: 'Be brief.', stratum: 'RTI' };
export const tokens = { inputTokens: 5, outputTokens: 2 };

export const requested = (overrides: Partial<RunRequest> = {}): RunFact => ({
  type: 'requested',
  input: 'hello',
  agent,
  requestedAtMs: 1_000,
  requestId: 'req-1',
  maxTotalTokens: 100_000,
  deadlineMs: 0,
  history: [],
  contractOverride: false,
  ...overrides,
});

export const routed = (overrides: Partial<RunRoute> = {}): RunFact => ({
  type: 'routed',
  strategy: 'direct',
  complexity: 0.1,
  intent: 'general_chat',
  usePlanning: false,
  useMemory: false,
  useContracts: true,
  ...overrides,
});

/** Complex work: planning on, memory off. */
export const routedComplex = (overrides: Partial<RunRoute> = {}) => routed({ strategy: 'tree_of_thoughts', complexity: 0.62, usePlanning: true, ...overrides });

export const noContract: RunFact = { type: 'contract_selected', name: null, failureStrategy: 'fail', maxRetries: 0, promptContext: '', strategy: '' };

export const withContract = (failureStrategy: string, overrides: Partial<RunContract> = {}): RunFact => ({
  type: 'contract_selected',
  name: 'lead_qualification',
  failureStrategy,
  maxRetries: 2,
  promptContext: 'OUTPUT REQUIREMENTS: score*: int',
  strategy: 'react',
  ...overrides,
});

export const completed = (stepId: string, output: string, atMs = 1_100): RunFact => ({ type: 'step_completed', stepId, output, tokens, model: 'm', atMs });

export const failed = (stepId: string, errorCode: string, retryable: boolean, atMs = 1_100): RunFact => ({
  type: 'step_failed',
  stepId,
  errorCode,
  message: `${errorCode} happened`,
  retryable,
  tokens,
  model: 'm',
  atMs,
});

export const verdict = (attempt: number, decision: string, extra: Partial<Extract<RunFact, { type: 'validated' }>> = {}): RunFact =>
  ({ type: 'validated', attempt, isValid: decision === 'success', decision, errors: decision === 'success' ? [] : ['score must be int, not str'], atMs: 1_250, ...extra }) as RunFact;

export const given = (...facts: RunFact[]): RunState => facts.reduce(evolve, initialRunState('run-1', 'session-1'));

/** Applies a fact and then the saga's decision, as the planner does. */
export const when = (state: RunState, fact: RunFact, settings: RunSettings = DEFAULT_RUN_SETTINGS): Decision => decide(evolve(state, fact), settings);

/** Applies facts one after the other, deciding after each; the decision after the last. */
export function after(state: RunState, ...facts: RunFact[]): Decision {
  let decision: Decision = { state, commands: [] };
  for (const fact of facts) decision = when(decision.state, fact);
  return decision;
}

export const dispatches = (commands: RunCommand[]) => commands.filter((command): command is DispatchCommand => command.type === 'dispatch_step');
export const stepIdsOf = (commands: RunCommand[]) => dispatches(commands).map((command) => command.stepId);
export const ofType = <T extends RunCommand['type']>(commands: RunCommand[], type: T) => commands.filter((command): command is Extract<RunCommand, { type: T }> => command.type === type);

export const planStep = (id: string, dependsOn: string[] = [], overrides: Partial<PlanStep> = {}): PlanStep => ({
  id,
  title: `Step ${id}`,
  type: 'reasoning',
  instruction: `Do ${id}.`,
  dependsOn,
  onFailure: 'retry',
  maxRetries: 1,
  ...overrides,
});

/** A model's plan answer. */
export const planText = (...steps: PlanStep[]) => planToJson({ goal: 'hello', steps });

/** a, b, c, d in parallel; e after all four (the final step). */
export const WIDE_PLAN = [planStep('a'), planStep('b'), planStep('c'), planStep('d'), planStep('e', ['a', 'b', 'c', 'd'])];

/** A complex run with no contract whose plan call has been dispatched (cache miss). */
export function planningRun(): RunState {
  const lookingUp = decide(given(requested(), routedComplex(), noContract)).state;
  return when(lookingUp, { type: 'plan_looked_up' }).state;
}

/** A complex run executing the given plan (its first plan call answered with it). */
export function runningPlan(...steps: PlanStep[]): Decision {
  return when(planningRun(), completed('run-1:plan:1', planText(...steps)));
}
