/** The planner's configuration as the saga needs it (the service reads it from its environment). */
export interface RunSettings {
  /** Steps of one run in flight at once. */
  maxParallelSteps: number;
  /** The model's context window each call's context is assembled for. */
  contextWindowTokens: number;
  /** Recalled memory is asked to fit in this many tokens. */
  memoryTokenAllowance: number;
}

export const DEFAULT_RUN_SETTINGS: RunSettings = { maxParallelSteps: 4, contextWindowTokens: 200_000, memoryTokenAllowance: 4_000 };

/** Recalled memory items asked for per run. */
export const RECALL_K = 8;
/** Replans a run may make; a step failing with `replan` after that aborts the run. */
export const MAX_REPLANS = 2;
/** Planning calls per plan: a refused plan gets one more call, told why. */
export const MAX_PLANNING_CALLS = 2;
