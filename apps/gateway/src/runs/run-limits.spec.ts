import { runDefaultsFromEnv, runLimitsFor } from './run-limits';

const DEFAULTS = { tokenBudget: 256_000, deadlineMs: 300_000 };
const ACCEPTED_AT = Date.parse('2026-03-01T12:00:00.000Z');

describe('run limits', () => {
  describe('defaults from the environment', () => {
    it('given no settings, when read, then the budget is 256000 tokens and the deadline 300000 ms', () => {
      expect(runDefaultsFromEnv({})).toEqual({ tokenBudget: 256_000, deadlineMs: 300_000 });
    });

    it('given both settings, when read, then they are used', () => {
      expect(runDefaultsFromEnv({ SIGIL_RUN_TOKEN_BUDGET: '50000', SIGIL_RUN_DEADLINE_MS: '60000' })).toEqual({ tokenBudget: 50_000, deadlineMs: 60_000 });
    });

    it.each([
      ['SIGIL_RUN_TOKEN_BUDGET', '0'],
      ['SIGIL_RUN_TOKEN_BUDGET', '2000001'],
      ['SIGIL_RUN_TOKEN_BUDGET', '1.5'],
      ['SIGIL_RUN_TOKEN_BUDGET', 'lots'],
      ['SIGIL_RUN_DEADLINE_MS', '999'],
      ['SIGIL_RUN_DEADLINE_MS', '3600001'],
    ])('given %s=%s, when read, then the gateway refuses to start naming the setting', (name, value) => {
      expect(() => runDefaultsFromEnv({ [name]: value })).toThrow(new RegExp(`^${name} must be an integer from`));
    });
  });

  describe('a run’s budget and deadline', () => {
    it('given a request that names both, when limited, then the request wins over the agent and the defaults', () => {
      expect(runLimitsFor({ maxTotalTokens: 5_000, timeoutMs: 2_000 }, 40_000n, DEFAULTS, ACCEPTED_AT)).toEqual({
        maxTotalTokens: 5_000,
        deadlineMs: ACCEPTED_AT + 2_000,
      });
    });

    it('given a request that names neither and an agent with its own budget, when limited, then the agent’s budget and the default deadline apply', () => {
      expect(runLimitsFor({}, 40_000n, DEFAULTS, ACCEPTED_AT)).toEqual({ maxTotalTokens: 40_000, deadlineMs: ACCEPTED_AT + 300_000 });
    });

    it('given an agent without a budget of its own, when limited, then the platform default applies', () => {
      expect(runLimitsFor({ timeoutMs: 1_000 }, 0n, DEFAULTS, ACCEPTED_AT)).toEqual({ maxTotalTokens: 256_000, deadlineMs: ACCEPTED_AT + 1_000 });
    });
  });
});
