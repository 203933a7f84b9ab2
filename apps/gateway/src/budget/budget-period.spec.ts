import { budgetSummary, dayStartUtc } from './budget-period';

describe('budget period', () => {
  it('given any moment of a day, when its start is asked, then it is that day at 00:00 UTC', () => {
    expect(new Date(dayStartUtc(Date.parse('2026-11-21T23:59:59.999Z'))).toISOString()).toBe('2026-11-21T00:00:00.000Z');
    expect(new Date(dayStartUtc(Date.parse('2026-11-21T00:00:00.000Z'))).toISOString()).toBe('2026-11-21T00:00:00.000Z');
  });

  it('given usage under the budget, when summarised, then remaining and utilization follow', () => {
    expect(budgetSummary({ budget: 200_000, used: 50_000 }, Date.parse('2026-11-22T00:00:00Z'))).toEqual({
      budget_tokens: 200_000,
      used_tokens: 50_000,
      remaining_tokens: 150_000,
      utilization: 0.25,
      resets_at: '2026-11-22T00:00:00.000Z',
    });
  });

  it('given usage over the budget, when summarised, then nothing remains and utilization exceeds 1', () => {
    expect(budgetSummary({ budget: 100, used: 150 }, 0)).toMatchObject({ remaining_tokens: 0, utilization: 1.5 });
  });
});
