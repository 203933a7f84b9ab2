/** The planner's configuration as the saga needs it (the service reads it from its environment). */
export interface RunSettings {
  /** Steps of one run in flight at once. */
  maxParallelSteps: number;
  /** The model's context window each call's context is assembled for. */
  contextWindowTokens: number;
}

export const DEFAULT_RUN_SETTINGS: RunSettings = { maxParallelSteps: 4, contextWindowTokens: 200_000 };

/** Replans a run may make; a step failing with `replan` after that aborts the run. */
export const MAX_REPLANS = 2;
/** Planning calls per plan: a refused plan gets one more call, told why. */
export const MAX_PLANNING_CALLS = 2;
