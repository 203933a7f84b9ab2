/** The run saga's state and vocabulary, stored as JSON in the planner's runs table. */
import type { DroppedContent, HistoryTurn, MemoryEntry } from '@sigil/context';
import type { PlanStep, StepType } from '@sigil/plans';

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

/**
 * `planning`: a plan (or a replan) is being made. `escalated`: the output broke its contract and
 * waits for a person. `cancelled`: stopped on request or at its deadline.
 */
export type RunStatus = 'accepted' | 'planning' | 'running' | 'validating' | 'escalated' | 'completed' | 'failed' | 'cancelled';

/** What the contracts service decided about an attempt's output (its failure strategies, or success). */
export type ContractDecision = 'success' | 'retry' | 'fallback' | 'partial' | 'template' | 'escalate' | 'fail';

/** How the final output came about: first time, after retries, or by a failure strategy. */
export type AppliedStrategy = 'success' | 'retry' | 'fallback' | 'partial' | 'template' | 'escalate';

/** What a dispatch does: one of the plan's step types, or `plan` (make or remake the plan). */
export type StepKind = StepType | 'plan';

export interface StepError {
  code: string;
  message: string;
  retryable: boolean;
}

/** One dispatch to reasoning (an attempt of a plan step, or a planning call) and what came back. */
export interface StepAttempt {
  /** `<runId>:<planStepId>:<attempt>`: also the dispatch's message id, so a re-emission is a duplicate. */
  stepId: string;
  planStepId: string;
  /** Counted per plan step id over the whole run (replans included), so every attempt has its own id. */
  attempt: number;
  kind: StepKind;
  strategy: string;
  /** `cancelled`: the run ended while it was in flight; its late result is ignored. */
  status: 'dispatched' | 'completed' | 'failed' | 'cancelled';
  output?: string;
  tokens?: TokenCount;
  model?: string;
  error?: StepError;
  /** What the context manager left out so the context fits. */
  dropped: DroppedContent[];
}

export type PlanStepStatus = 'pending' | 'dispatched' | 'completed' | 'failed' | 'skipped' | 'cancelled';

/** A step of the run's plan and how far it got. */
export interface PlanStepProgress extends PlanStep {
  status: PlanStepStatus;
  /** Dispatches of this step in this plan (failure retries and contract retries included). */
  attempts: number;
  /** Failed dispatches of this step in this plan: retries run while they do not exceed maxRetries. */
  failures: number;
  /** The latest attempt's step id. */
  stepId?: string;
  /** The failure that decided the step's fate (its latest, while it is retried). */
  error?: { code: string; message: string };
}

export interface RunPlan {
  goal: string;
  steps: PlanStepProgress[];
  /** The step whose output is the run's answer (the plan's single sink). */
  finalStepId: string;
  replans: number;
  /** Taken from the plan cache rather than made for this run. */
  cached: boolean;
  /** A plan made by a planning call (not the one-step plan of simple work). */
  planned: boolean;
}

/** Why the run plans again: the step that failed and how. */
export interface ReplanReason {
  failedStepId: string;
  failure: string;
}

/** A planning episode: the first plan, or a replan after a failed step. */
export interface Planning {
  /** Undefined for replans (only first plans are cached); `pending` until the adapter looked it up. */
  cache?: { status: 'pending' } | { status: 'answered'; planJson?: string };
  /** Planning calls made in this episode (a refused plan gets one more). */
  calls: number;
  stepId?: string;
  previousError?: string;
  replan?: ReplanReason;
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

export interface RunRequest {
  input: string;
  agent: AgentInfo;
  requestedAtMs: number;
  requestId: string;
  /** The run's token budget over every call of every step, retry and planning call. */
  maxTotalTokens: number;
  /** Epoch ms by which the run must finish; 0: no deadline. */
  deadlineMs: number;
  /** The session's earlier turns, oldest first. */
  history: HistoryTurn[];
  /** The request names a contract (POST /v7/contracts/execute), which applies whatever the route says. */
  contractOverride: boolean;
}

export interface RunRoute {
  strategy: string;
  complexity: number;
  intent: string;
  usePlanning: boolean;
  useMemory: boolean;
  useContracts: boolean;
}

export interface RunState {
  runId: string;
  sessionId: string;
  status: RunStatus;
  request?: RunRequest;
  route?: RunRoute;
  contract?: RunContract;
  memory?: { items: MemoryEntry[]; tokens: number };
  plan?: RunPlan;
  planning?: Planning;
  /** A step failed with `replan`: the replan starts once nothing is in flight. */
  replanPending?: ReplanReason;
  /** Every dispatch of the run, in order. */
  steps: StepAttempt[];
  /** Outputs sent to validation so far; the current one's attempt number. */
  validations: number;
  /** What the final step is held to now: the contract's prompt context, or a retry's refined requirements. */
  finalContract?: string;
  verdict?: Verdict;
  result?: { response: string; appliedStrategy: AppliedStrategy };
  review?: { approved: boolean; note: string };
  error?: { code: string; message: string };
  /** Asked to stop (RUN_004 on request, RUN_005 at the deadline); the next decision cancels the run. */
  stop?: { code: string; reason: string; atMs: number };
  /** When the latest timed fact happened: a run that ends on it ends then. */
  lastFactAtMs?: number;
  finishedAtMs?: number;
}

export type RunFact =
  | ({ type: 'requested' } & RunRequest)
  | ({ type: 'routed' } & RunRoute)
  | ({ type: 'contract_selected' } & RunContract)
  | { type: 'recalled'; items: MemoryEntry[]; tokens: number }
  /** The adapter's plan cache answer (the cached plan's JSON, absent on a miss). */
  | { type: 'plan_looked_up'; planJson?: string }
  | { type: 'step_completed'; stepId: string; output: string; tokens: TokenCount; model: string; atMs: number }
  | { type: 'step_failed'; stepId: string; errorCode: string; message: string; retryable: boolean; tokens: TokenCount; model: string; atMs: number }
  | ({ type: 'validated'; atMs: number } & Verdict)
  | { type: 'reviewed'; approved: boolean; output?: string; note: string; atMs: number }
  | { type: 'cancel_requested'; reason: string; atMs: number }
  | { type: 'deadline_passed'; atMs: number };

/** A step as the run reports it: done, skipped, failed, or still to do. */
export interface StepOutcome {
  stepId: string;
  title: string;
  status: PlanStepStatus;
  output: string;
  error: string;
}

/** A plan step with its progress, as `run.plan_created` and the plan query show it. */
export interface PlanStepReport extends StepOutcome {
  type: StepType;
  dependsOn: string[];
  onFailure: string;
  attempts: number;
  toolName: string;
  toolInputJson: string;
  instruction: string;
}

export interface PlanReport {
  goal: string;
  steps: PlanStepReport[];
  replans: number;
  cached: boolean;
}

export interface DispatchCommand {
  type: 'dispatch_step';
  stepId: string;
  planStepId: string;
  attempt: number;
  stepType: StepKind;
  strategy: string;
  system: string;
  prompt: string;
  maxOutputTokens: number;
  toolName?: string;
  toolInputJson?: string;
  runTokenLimit: number;
  deadlineMs: number;
  complexity: number;
}

/** The plan cache's key material: the goal and the assembled planning context. */
export interface PlanCacheKey {
  goal: string;
  context: string;
}

export type RunCommand =
  | ({ type: 'look_up_plan' } & PlanCacheKey)
  | ({ type: 'cache_plan'; planJson: string } & PlanCacheKey)
  | ({ type: 'forget_cached_plan' } & PlanCacheKey)
  | { type: 'announce_plan'; plan: PlanReport; version: number }
  | DispatchCommand
  | { type: 'request_validation'; output: string; attempt: number; task: string; tokens: TokenCount }
  | {
      type: 'complete';
      input: string;
      response: string;
      tokens: TokenCount;
      model: string;
      latencyMs: number;
      appliedStrategy: AppliedStrategy;
      attempts: number;
      contractName: string;
      steps: StepOutcome[];
    }
  | { type: 'escalate'; output: string; reasons: string[]; tokens: TokenCount }
  | { type: 'fail'; errorCode: string; message: string; tokens: TokenCount; latencyMs: number; partialResults: StepOutcome[] }
  | { type: 'cancel'; errorCode: string; reason: string; tokens: TokenCount; latencyMs: number; partialResults: StepOutcome[] };

export const MAX_OUTPUT_TOKENS = 1_024;
/** A plan of up to 20 steps as JSON runs to about 1,600 tokens. */
export const PLAN_MAX_OUTPUT_TOKENS = 2_048;

export function initialRunState(runId: string, sessionId: string): RunState {
  return { runId, sessionId, status: 'accepted', steps: [], validations: 0 };
}

const FINISHED: readonly RunStatus[] = ['completed', 'failed', 'cancelled'];

export function isFinished(state: RunState): boolean {
  return FINISHED.includes(state.status);
}

/** Every dispatch's tokens count: planning calls, retries and failed attempts are paid for too. */
export function totalTokens(state: RunState): TokenCount {
  return state.steps.reduce(
    (sum, step) => ({ inputTokens: sum.inputTokens + (step.tokens?.inputTokens ?? 0), outputTokens: sum.outputTokens + (step.tokens?.outputTokens ?? 0) }),
    { inputTokens: 0, outputTokens: 0 },
  );
}
