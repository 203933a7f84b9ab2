import { reasoningStrategyFor } from './reasoning-strategy';

describe('reasoning strategy for a complexity', () => {
  it.each([
    [-0.1, 'direct'],
    [0, 'direct'],
    [0.29, 'direct'],
    [0.3, 'chain_of_thought'],
    [0.49, 'chain_of_thought'],
    [0.5, 'tree_of_thoughts'],
    [0.69, 'tree_of_thoughts'],
    [0.7, 'react'],
    [0.89, 'react'],
    [0.9, 'mcts'],
    [1, 'mcts'],
  ])('given %s, when mapped, then it is %s (lower bounds included)', (complexity, strategy) => {
    expect(reasoningStrategyFor(complexity)).toBe(strategy);
  });
});
