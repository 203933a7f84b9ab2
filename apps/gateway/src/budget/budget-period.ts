/** The daily budget starts over at midnight UTC, the same instant for every replica and tenant. */
export function dayStartUtc(nowMs: number): number {
  const now = new Date(nowMs);
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

export interface BudgetFigures {
  budget: number;
  used: number;
}

export function budgetSummary({ budget, used }: BudgetFigures, resetsAtMs: number) {
  return {
    budget_tokens: budget,
    used_tokens: used,
    remaining_tokens: Math.max(budget - used, 0),
    utilization: budget === 0 ? 1 : Math.round((used / budget) * 10_000) / 10_000,
    resets_at: new Date(resetsAtMs).toISOString(),
  };
}
