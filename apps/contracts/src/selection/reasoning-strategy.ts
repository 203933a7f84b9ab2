/**
 * The reasoning strategies by the lowest complexity each serves (spec §3.3: direct < 0.3 ≤
 * chain_of_thought < 0.5 ≤ tree_of_thoughts < 0.7 ≤ react < 0.9 ≤ mcts). The router's table in
 * @sigil/routing is another scope's and @sigil/contracts has none, so the ranges are restated here.
 */
const STRATEGY_FLOORS = [
  ['mcts', 0.9],
  ['react', 0.7],
  ['tree_of_thoughts', 0.5],
  ['chain_of_thought', 0.3],
  ['direct', 0],
] as const;

export type ReasoningStrategy = (typeof STRATEGY_FLOORS)[number][0];

/** The strategy for a complexity (a contract-boosted one, §5.4); below 0 counts as direct. */
export function reasoningStrategyFor(complexity: number): ReasoningStrategy {
  return STRATEGY_FLOORS.find(([, floor]) => complexity >= floor)?.[0] ?? 'direct';
}
