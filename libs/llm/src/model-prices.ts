export interface ModelPrice {
  /** USD per million input tokens. */
  inputUsdPerMTok: number;
  /** USD per million output tokens. */
  outputUsdPerMTok: number;
  /** Some models bill every token of a call at higher rates once its prompt passes a size. */
  longPrompt?: { aboveInputTokens: number; inputUsdPerMTok: number; outputUsdPerMTok: number };
}

/**
 * Anthropic's list prices (standard tier, no caching or batch discounts) as published in
 * November 2026. Update this table when models change; a model that is not here costs 0 and is
 * reported as unpriced.
 */
export const MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  'claude-fable-5-1': { inputUsdPerMTok: 10, outputUsdPerMTok: 50 },
  'claude-opus-5-5': { inputUsdPerMTok: 4, outputUsdPerMTok: 20 },
  'claude-opus-5': { inputUsdPerMTok: 5, outputUsdPerMTok: 25 },
  'claude-sonnet-5-5': { inputUsdPerMTok: 2, outputUsdPerMTok: 10 },
  'claude-sonnet-5': { inputUsdPerMTok: 2, outputUsdPerMTok: 10 },
  'claude-haiku-5-5': {
    inputUsdPerMTok: 0.1,
    outputUsdPerMTok: 0.5,
    longPrompt: { aboveInputTokens: 100_000, inputUsdPerMTok: 0.5, outputUsdPerMTok: 2.5 },
  },
  'claude-opus-4-8': { inputUsdPerMTok: 5, outputUsdPerMTok: 25 },
  'claude-opus-4-6': { inputUsdPerMTok: 5, outputUsdPerMTok: 25 },
  'claude-opus-4-5': { inputUsdPerMTok: 5, outputUsdPerMTok: 25 },
  'claude-sonnet-4-6': { inputUsdPerMTok: 3, outputUsdPerMTok: 15 },
  'claude-sonnet-4-5': { inputUsdPerMTok: 3, outputUsdPerMTok: 15 },
  'claude-haiku-4-5': { inputUsdPerMTok: 1, outputUsdPerMTok: 5 },
  // The local deterministic provider is free, and priced so (not "unknown").
  'sigil-local-deterministic': { inputUsdPerMTok: 0, outputUsdPerMTok: 0 },
};

const DATE_SUFFIX = /-\d{8}$/;

/** The price of a model id, also for dated snapshots (`claude-haiku-4-5-20251001` → `claude-haiku-4-5`). */
export function priceOf(model: string): ModelPrice | undefined {
  return MODEL_PRICES[model] ?? MODEL_PRICES[model.replace(DATE_SUFFIX, '')];
}

export interface CallCost {
  costUsd: number;
  /** False when the model is not in the price table: its cost is reported as 0 but is not known to be 0. */
  priced: boolean;
}

export function costOf(model: string, inputTokens: number, outputTokens: number): CallCost {
  const price = priceOf(model);
  if (!price) return { costUsd: 0, priced: false };
  const rates = price.longPrompt && inputTokens > price.longPrompt.aboveInputTokens ? price.longPrompt : price;
  return { costUsd: (inputTokens * rates.inputUsdPerMTok + outputTokens * rates.outputUsdPerMTok) / 1_000_000, priced: true };
}
