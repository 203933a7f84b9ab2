import { DEFAULT_RUN_SETTINGS, type RunSettings } from '@sigil/planning';

/** The planner's configuration: what the saga needs, and the budget a request without one gets. */
export interface PlannerSettings {
  run: RunSettings;
  /** SIGIL_RUN_TOKEN_BUDGET: a run requested without max_total_tokens (nor an agent's) gets this budget. */
  defaultTokenBudget: number;
}

export const PLANNER_SETTINGS = Symbol('PLANNER_SETTINGS');

export const DEFAULT_TOKEN_BUDGET = 256_000;

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** SIGIL_PLAN_MAX_PARALLEL_STEPS, SIGIL_CONTEXT_WINDOW_TOKENS, SIGIL_RUN_TOKEN_BUDGET; a bad value stops the planner from starting. */
export function plannerSettingsFromEnv(env: NodeJS.ProcessEnv): PlannerSettings {
  return {
    run: {
      maxParallelSteps: positiveInteger(env, 'SIGIL_PLAN_MAX_PARALLEL_STEPS', DEFAULT_RUN_SETTINGS.maxParallelSteps),
      contextWindowTokens: positiveInteger(env, 'SIGIL_CONTEXT_WINDOW_TOKENS', DEFAULT_RUN_SETTINGS.contextWindowTokens),
    },
    defaultTokenBudget: positiveInteger(env, 'SIGIL_RUN_TOKEN_BUDGET', DEFAULT_TOKEN_BUDGET),
  };
}
