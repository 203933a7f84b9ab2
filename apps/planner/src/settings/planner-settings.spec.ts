import { plannerSettingsFromEnv } from './planner-settings';

describe('planner settings', () => {
  it('given no variables, when read, then the documented defaults apply', () => {
    expect(plannerSettingsFromEnv({})).toEqual({ run: { maxParallelSteps: 4, contextWindowTokens: 200_000 }, defaultTokenBudget: 256_000 });
  });

  it('given every variable, when read, then each is taken', () => {
    const env = { SIGIL_PLAN_MAX_PARALLEL_STEPS: '8', SIGIL_CONTEXT_WINDOW_TOKENS: '100000', SIGIL_RUN_TOKEN_BUDGET: '50000' };
    expect(plannerSettingsFromEnv(env)).toEqual({ run: { maxParallelSteps: 8, contextWindowTokens: 100_000 }, defaultTokenBudget: 50_000 });
  });

  it.each(['0', '-1', '2.5', 'four'])('given a parallelism of "%s", when read, then the planner refuses to start, naming the variable', (raw) => {
    expect(() => plannerSettingsFromEnv({ SIGIL_PLAN_MAX_PARALLEL_STEPS: raw })).toThrow(`SIGIL_PLAN_MAX_PARALLEL_STEPS must be a positive integer, got "${raw}"`);
  });
});
