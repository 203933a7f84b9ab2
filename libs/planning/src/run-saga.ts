/**
 * The run orchestration as pure functions (Emmett style): `evolve` folds what the planner learns
 * into the run's state, `decide` says what to do next. The planner stores the state and carries out
 * the commands through its outbox, so a redelivered fact can never issue a command twice.
 */

export interface TokenCount {
  inputTokens: number;
  outputTokens: number;
}

/** The agent as it was when the run was requested (its snapshot on the RunRequested event). */
export interface AgentInfo {
  name: string;
  version: number;
  systemPrompt: string;
  stratum: string;
}

export type RunStatus = 'accepted' | 'running' | 'validating' | 'completed' | 'failed';

export interface PlannedStep {
  stepId: string;
  prompt: string;
  strategy: string;
  status: 'dispatched' | 'completed';
  output?: string;
  tokens?: TokenCount;
  model?: string;
}

export interface RunState {
  runId: string;
  sessionId: string;
  status: RunStatus;
  request?: { input: string; agent: AgentInfo; requestedAtMs: number; requestId: string };
  route?: { strategy: string; complexity: number; intent: string };
  contract?: { name: string | null };
  steps: PlannedStep[];
  verdict?: { isValid: boolean; decision: string; errors: string[] };
  error?: { code: string; message: string };
  finishedAtMs?: number;
}

export type RunFact =
  | { type: 'requested'; input: string; agent: AgentInfo; requestedAtMs: number; requestId: string }
  | { type: 'routed'; strategy: string; complexity: number; intent: string }
  | { type: 'contract_selected'; name: string | null }
  | { type: 'step_completed'; stepId: string; output: string; tokens: TokenCount; model: string }
  | { type: 'validated'; isValid: boolean; decision: string; errors: string[]; atMs: number };

export type RunCommand =
  | { type: 'dispatch_step'; step: PlannedStep; systemPrompt: string }
  | { type: 'request_validation'; output: string }
  | { type: 'complete'; response: string; tokens: TokenCount; model: string; latencyMs: number }
  | { type: 'fail'; errorCode: string; message: string; tokens: TokenCount; latencyMs: number };

export const MAX_OUTPUT_TOKENS = 1_024;
/** The spec's error code for an output that breaks its contract. */
export const CONTRACT_VIOLATION = 'CV-001';

export function initialRunState(runId: string, sessionId: string): RunState {
  return { runId, sessionId, status: 'accepted', steps: [] };
}

/** Facts may arrive in any order (the router can be faster than the planner's own consumer). */
export function evolve(state: RunState, fact: RunFact): RunState {
  switch (fact.type) {
    case 'requested':
      return { ...state, request: { input: fact.input, agent: fact.agent, requestedAtMs: fact.requestedAtMs, requestId: fact.requestId } };
    case 'routed':
      return { ...state, route: { strategy: fact.strategy, complexity: fact.complexity, intent: fact.intent } };
    case 'contract_selected':
      return { ...state, contract: { name: fact.name } };
    case 'step_completed':
      return {
        ...state,
        steps: state.steps.map((step) =>
          step.stepId === fact.stepId ? { ...step, status: 'completed', output: fact.output, tokens: fact.tokens, model: fact.model } : step,
        ),
      };
    case 'validated':
      return { ...state, verdict: { isValid: fact.isValid, decision: fact.decision, errors: fact.errors }, finishedAtMs: fact.atMs };
  }
}

/** The skeleton plans one step; DAG plans for complex work come with the planning issue. */
export function planSteps(runId: string, input: string, strategy: string): PlannedStep[] {
  return [{ stepId: `${runId}:1`, prompt: input, strategy, status: 'dispatched' }];
}

export function totalTokens(state: RunState): TokenCount {
  return state.steps.reduce(
    (sum, step) => ({ inputTokens: sum.inputTokens + (step.tokens?.inputTokens ?? 0), outputTokens: sum.outputTokens + (step.tokens?.outputTokens ?? 0) }),
    { inputTokens: 0, outputTokens: 0 },
  );
}

/** What to do now, and the state after doing it. Deciding again on the result yields nothing. */
export function decide(state: RunState): { state: RunState; commands: RunCommand[] } {
  if (state.status === 'accepted' && state.request && state.route && state.contract) {
    const steps = planSteps(state.runId, state.request.input, state.route.strategy);
    const systemPrompt = state.request.agent.systemPrompt;
    return { state: { ...state, status: 'running', steps }, commands: steps.map((step) => ({ type: 'dispatch_step', step, systemPrompt })) };
  }
  if (state.status === 'running' && state.steps.length > 0 && state.steps.every((step) => step.status === 'completed')) {
    const output = state.steps[state.steps.length - 1].output ?? '';
    return { state: { ...state, status: 'validating' }, commands: [{ type: 'request_validation', output }] };
  }
  if (state.status === 'validating' && state.verdict) {
    const tokens = totalTokens(state);
    const latencyMs = Math.max((state.finishedAtMs ?? 0) - (state.request?.requestedAtMs ?? 0), 0);
    const last = state.steps[state.steps.length - 1];
    if (state.verdict.decision === 'success') {
      return {
        state: { ...state, status: 'completed' },
        commands: [{ type: 'complete', response: last.output ?? '', tokens, model: last.model ?? '', latencyMs }],
      };
    }
    const error = { code: CONTRACT_VIOLATION, message: state.verdict.errors.join('; ') || 'output failed its contract' };
    return {
      state: { ...state, status: 'failed', error },
      commands: [{ type: 'fail', errorCode: error.code, message: error.message, tokens, latencyMs }],
    };
  }
  return { state, commands: [] };
}
