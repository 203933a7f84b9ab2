/** The run saga's state and vocabulary, stored as JSON in the planner's runs table. */

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

/** `escalated`: the output broke its contract and waits for a person to approve or reject it. */
export type RunStatus = 'accepted' | 'running' | 'validating' | 'escalated' | 'completed' | 'failed';

/** What the contracts service decided about an attempt's output (its failure strategies, or success). */
export type ContractDecision = 'success' | 'retry' | 'fallback' | 'partial' | 'template' | 'escalate' | 'fail';

/** How the final output came about: first time, after retries, or by a failure strategy. */
export type AppliedStrategy = 'success' | 'retry' | 'fallback' | 'partial' | 'template' | 'escalate';

export interface PlannedStep {
  stepId: string;
  prompt: string;
  strategy: string;
  status: 'dispatched' | 'completed';
  output?: string;
  tokens?: TokenCount;
  model?: string;
}

export interface RunContract {
  /** null when no contract applies: the output then only has to be a non-empty response. */
  name: string | null;
  failureStrategy: string;
  maxRetries: number;
  /** The contract's part of the prompt (output structure, example, rules, mistakes to avoid). */
  promptContext: string;
  /** The reasoning strategy after the contract's complexity boost; empty keeps the route's. */
  strategy: string;
}

export interface Verdict {
  attempt: number;
  isValid: boolean;
  decision: ContractDecision;
  errors: string[];
  /** The retry's prompt, or the output a fallback, partial or template strategy produced. */
  refinedPrompt?: string;
  output?: string;
  /** A fail decision's own code when it is not the contract violation (e.g. CV-004: the contract asked for does not exist). */
  errorCode?: string;
}

export interface RunState {
  runId: string;
  sessionId: string;
  status: RunStatus;
  request?: { input: string; agent: AgentInfo; requestedAtMs: number; requestId: string };
  route?: { strategy: string; complexity: number; intent: string };
  contract?: RunContract;
  /** One step per attempt; the last is the current one. */
  steps: PlannedStep[];
  verdict?: Verdict;
  result?: { response: string; appliedStrategy: AppliedStrategy };
  review?: { approved: boolean; note: string };
  error?: { code: string; message: string };
  finishedAtMs?: number;
}

export type RunFact =
  | { type: 'requested'; input: string; agent: AgentInfo; requestedAtMs: number; requestId: string }
  | { type: 'routed'; strategy: string; complexity: number; intent: string }
  | ({ type: 'contract_selected' } & RunContract)
  | { type: 'step_completed'; stepId: string; output: string; tokens: TokenCount; model: string }
  | ({ type: 'validated'; atMs: number } & Verdict)
  | { type: 'reviewed'; approved: boolean; output?: string; note: string; atMs: number };

export type RunCommand =
  | { type: 'dispatch_step'; step: PlannedStep; systemPrompt: string }
  | { type: 'request_validation'; output: string; attempt: number; task: string; tokens: TokenCount }
  | { type: 'complete'; response: string; tokens: TokenCount; model: string; latencyMs: number; appliedStrategy: AppliedStrategy; attempts: number; contractName: string }
  | { type: 'escalate'; output: string; reasons: string[]; tokens: TokenCount }
  | { type: 'fail'; errorCode: string; message: string; tokens: TokenCount; latencyMs: number };

export const MAX_OUTPUT_TOKENS = 1_024;

export function initialRunState(runId: string, sessionId: string): RunState {
  return { runId, sessionId, status: 'accepted', steps: [] };
}

/** Every attempt's tokens count: retries are paid for too. */
export function totalTokens(state: RunState): TokenCount {
  return state.steps.reduce(
    (sum, step) => ({ inputTokens: sum.inputTokens + (step.tokens?.inputTokens ?? 0), outputTokens: sum.outputTokens + (step.tokens?.outputTokens ?? 0) }),
    { inputTokens: 0, outputTokens: 0 },
  );
}

/** Attempts made so far (one step per attempt in a one-step plan). */
export function attemptsOf(state: RunState): number {
  return state.steps.length;
}
