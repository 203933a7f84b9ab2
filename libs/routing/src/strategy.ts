export const STRATEGY_RANGES = {
  direct: [0.0, 0.3],
  chain_of_thought: [0.3, 0.5],
  tree_of_thoughts: [0.5, 0.7],
  react: [0.7, 0.9],
  mcts: [0.9, 1.0],
} as const;

export type Strategy = keyof typeof STRATEGY_RANGES;

/** The strategy whose range holds the score; ranges are closed below and open above (1.0 is mcts). */
export function strategyFor(complexity: number): Strategy {
  const clamped = Math.min(Math.max(complexity, 0), 1);
  const entries = Object.entries(STRATEGY_RANGES) as [Strategy, readonly [number, number]][];
  return entries.find(([, [low, high]]) => clamped >= low && clamped < high)?.[0] ?? 'mcts';
}
