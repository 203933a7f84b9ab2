/**
 * A run's plan: typed steps with dependencies, validated as a DAG before anything is dispatched.
 * Shared by the planner (which makes, validates and runs plans) and reasoning (whose local model
 * answers planning prompts in this format).
 */

export const STEP_TYPES = ['reasoning', 'tool_call', 'memory_op', 'decision'] as const;
export type StepType = (typeof STEP_TYPES)[number];

/** What the planner does when a step has failed after its retries. */
export const FAILURE_POLICIES = ['retry', 'replan', 'skip', 'abort'] as const;
export type FailurePolicy = (typeof FAILURE_POLICIES)[number];

export interface PlanStep {
  /** Unique within the plan: letters, digits, `_` and `-`. */
  id: string;
  title: string;
  type: StepType;
  /** What the step must do; the planner adds its dependencies' outputs when it dispatches it. */
  instruction: string;
  dependsOn: string[];
  onFailure: FailurePolicy;
  /** Re-dispatches before `onFailure` applies (a `retry` policy means: retry, then abort). */
  maxRetries: number;
  /** tool_call and memory_op steps: the tool and its input. */
  toolName?: string;
  toolInput?: Record<string, unknown>;
}

export interface Plan {
  goal: string;
  steps: PlanStep[];
}

/** PLAN_001 a cycle (named), PLAN_002 a dependency on a step that does not exist, PLAN_003 anything else malformed. */
export type PlanErrorCode = 'PLAN_001' | 'PLAN_002' | 'PLAN_003';

export interface PlanError {
  code: PlanErrorCode;
  message: string;
  /** PLAN_001: the step ids around the cycle, first id repeated at the end (`a → b → a`). */
  cycle?: string[];
}

export type PlanCheck = { ok: true; plan: Plan; order: string[] } | { ok: false; error: PlanError };

export const MAX_PLAN_STEPS = 20;
