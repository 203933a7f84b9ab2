/** The reasoning strategies' complexity ranges (spec §3.3), shared by the router's choice and the contracts' boost (§5.4). */
export const STRATEGIES = ['direct', 'chain_of_thought', 'tree_of_thoughts', 'react', 'mcts'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** A complexity range: low is included, high is excluded except for mcts, whose range ends at 1.0. */
export interface StrategyRange {
  readonly low: number;
  readonly high: number;
}

/** The complexity range each reasoning strategy serves (spec §3.3). */
export const STRATEGY_RANGES: Readonly<Record<Strategy, StrategyRange>> = {
  direct: { low: 0.0, high: 0.3 },
  chain_of_thought: { low: 0.3, high: 0.5 },
  tree_of_thoughts: { low: 0.5, high: 0.7 },
  react: { low: 0.7, high: 0.9 },
  mcts: { low: 0.9, high: 1.0 },
};

export interface StrategySelection {
  strategy: Strategy;
  range: StrategyRange;
}

/** The strategy whose range holds the score; scores are clamped to [0, 1] and one that is not a number counts as 0. */
export function selectStrategy(complexity: number): StrategySelection {
  const score = Number.isNaN(complexity) ? 0 : Math.min(Math.max(complexity, 0), 1);
  const strategy = STRATEGIES.find((candidate) => score < STRATEGY_RANGES[candidate].high) ?? 'mcts';
  return { strategy, range: STRATEGY_RANGES[strategy] };
}
