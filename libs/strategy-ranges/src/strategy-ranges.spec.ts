import { selectStrategy, STRATEGIES, STRATEGY_RANGES } from './strategy-ranges';

describe('selectStrategy', () => {
  it.each([
    [0, 'direct'],
    [0.299, 'direct'],
    [0.3, 'chain_of_thought'],
    [0.499, 'chain_of_thought'],
    [0.5, 'tree_of_thoughts'],
    [0.699, 'tree_of_thoughts'],
    [0.7, 'react'],
    [0.899, 'react'],
    [0.9, 'mcts'],
    [1, 'mcts'],
  ])('given complexity %s, when a strategy is chosen, then it is %s (ranges are closed below, open above)', (score, strategy) => {
    expect(selectStrategy(score).strategy).toBe(strategy);
  });

  it.each([
    [-0.5, 'direct'],
    [1.5, 'mcts'],
    [Number.NEGATIVE_INFINITY, 'direct'],
    [Number.POSITIVE_INFINITY, 'mcts'],
    [Number.NaN, 'direct'],
  ])('given the out-of-range score %s, when a strategy is chosen, then it is clamped to %s', (score, strategy) => {
    expect(selectStrategy(score).strategy).toBe(strategy);
  });

  it('given a score, when a strategy is chosen, then its range comes with it', () => {
    expect(selectStrategy(0.62)).toEqual({ strategy: 'tree_of_thoughts', range: { low: 0.5, high: 0.7 } });
    expect(selectStrategy(1)).toEqual({ strategy: 'mcts', range: { low: 0.9, high: 1 } });
  });

  it('given the ranges, when laid end to end, then they cover [0, 1] without gaps in the spec order', () => {
    expect(STRATEGIES.map((strategy) => [STRATEGY_RANGES[strategy].low, STRATEGY_RANGES[strategy].high])).toEqual([
      [0, 0.3],
      [0.3, 0.5],
      [0.5, 0.7],
      [0.7, 0.9],
      [0.9, 1],
    ]);
  });
});
