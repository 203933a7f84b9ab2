/** A run's token budget: what a request may ask for in `config.max_total_tokens`. */
export const RUN_TOKEN_BOUNDS = { min: 1, max: 2_000_000 } as const;
/** An agent's own budget is for real work: at least enough for one planned step. */
export const AGENT_TOKEN_BOUNDS = { min: 1_000, max: 2_000_000 } as const;
/** A run's deadline from acceptance: what a request may ask for in `config.timeout_ms`. */
export const RUN_DEADLINE_BOUNDS = { min: 1_000, max: 3_600_000 } as const;

/** The platform's defaults for a run that names no budget or deadline. */
export interface RunDefaults {
  tokenBudget: number;
  deadlineMs: number;
}

/** What a run may spend and until when, as RunRequested carries it. */
export interface RunLimits {
  maxTotalTokens: number;
  /** Unix epoch milliseconds. */
  deadlineMs: number;
}

function boundedInteger(name: string, raw: string | undefined, fallback: number, bounds: { min: number; max: number }): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    throw new Error(`${name} must be an integer from ${bounds.min} to ${bounds.max}, got "${raw}"`);
  }
  return value;
}

/** SIGIL_RUN_TOKEN_BUDGET (256000) and SIGIL_RUN_DEADLINE_MS (300000); a value outside what a request may ask for stops the gateway. */
export function runDefaultsFromEnv(env: NodeJS.ProcessEnv): RunDefaults {
  return {
    tokenBudget: boundedInteger('SIGIL_RUN_TOKEN_BUDGET', env.SIGIL_RUN_TOKEN_BUDGET, 256_000, RUN_TOKEN_BOUNDS),
    deadlineMs: boundedInteger('SIGIL_RUN_DEADLINE_MS', env.SIGIL_RUN_DEADLINE_MS, 300_000, RUN_DEADLINE_BOUNDS),
  };
}

/**
 * The request's budget, else the agent's (0 = none of its own), else the platform's; the deadline
 * counts from when the gateway accepted the run.
 */
export function runLimitsFor(
  requested: { maxTotalTokens?: number; timeoutMs?: number },
  agentTokenBudget: bigint,
  defaults: RunDefaults,
  acceptedAtMs: number,
): RunLimits {
  return {
    maxTotalTokens: requested.maxTotalTokens ?? (agentTokenBudget > 0n ? Number(agentTokenBudget) : defaults.tokenBudget),
    deadlineMs: acceptedAtMs + (requested.timeoutMs ?? defaults.deadlineMs),
  };
}
