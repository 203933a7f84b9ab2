/** Rate limit tiers of the API guidelines; `dailyTokens` is Sigil's own budget per tenant and day (ADR 0006). */
export const TIERS = {
  free: { perSecond: 1, perMinute: 20, perHour: 100, tokensPerMinute: 10_000, dailyTokens: 200_000 },
  standard: { perSecond: 10, perMinute: 100, perHour: 1_000, tokensPerMinute: 100_000, dailyTokens: 2_000_000 },
  pro: { perSecond: 50, perMinute: 500, perHour: 5_000, tokensPerMinute: 500_000, dailyTokens: 10_000_000 },
  enterprise: { perSecond: 200, perMinute: 2_000, perHour: 20_000, tokensPerMinute: 2_000_000, dailyTokens: 40_000_000 },
} as const;

export type Tier = keyof typeof TIERS;
export type TierLimits = (typeof TIERS)[Tier];

export function isTier(value: unknown): value is Tier {
  return typeof value === 'string' && Object.hasOwn(TIERS, value);
}
