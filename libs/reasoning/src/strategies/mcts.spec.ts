import type { ModelRequest } from '../model/model-port';
import { lastUserText, protocolOf, scriptedModel, strategyContext } from '../testing/scripted-model';
import { backpropagate, mcts, mostVisitedPath, selectChild, ucb1, type MctsNode } from './mcts';

const node = (valueSum: number, visits: number, parent?: MctsNode): MctsNode => ({ parent, children: [], depth: parent ? parent.depth + 1 : 0, visits, valueSum, expanded: false });

function family(parentVisits: number, ...children: [number, number][]): MctsNode {
  const parent = node(0, parentVisits);
  parent.expanded = true;
  parent.children = children.map(([valueSum, visits]) => node(valueSum, visits, parent));
  return parent;
}

/** The steps of the partial solution a call carries. */
const pathOf = (request: ModelRequest) => [...lastUserText(request).matchAll(/^\d+\. (.+)$/gm)].map((match) => match[1]);

/** Root options meh, bad, good; deeper options extend their parent; a solution is worth what its first step is. */
const VALUES: Record<string, string> = { meh: 'SCORE: 0.5', bad: 'SCORE: 0.1', good: 'SCORE: 0.9' };
const search = () =>
  scriptedModel((request) => {
    const path = pathOf(request);
    switch (protocolOf(request)) {
      case 'mcts.expand': {
        const options = path.length === 0 ? ['meh', 'bad', 'good'] : ['a', 'b', 'c'].map((suffix) => `${path.at(-1)}-${suffix}`);
        return options.map((option, i) => `OPTION ${i + 1}: ${option}`).join('\n');
      }
      case 'mcts.rollout':
        return `${path.map((step, i) => `${i + 1}. ${step}`).join('\n')}\nFINAL ANSWER: via ${path.join(' > ')}`;
      case 'mcts.evaluate':
        return VALUES[/via (\w+)/.exec(lastUserText(request))?.[1] ?? ''] ?? 'SCORE: 0';
      default:
        throw new Error(`unexpected call ${protocolOf(request)}`);
    }
  });

const simulated = (lines: string[]) => lines.flatMap((line) => /^mcts iteration \d+: depth \d "([^"]+)"/.exec(line)?.[1] ?? []);

describe('mcts', () => {
  describe('UCB1', () => {
    it('given visits and value, when scored, then it is the mean value plus c·√(ln N / n)', () => {
      expect(ucb1(3, 4, 10, Math.SQRT2)).toBeCloseTo(0.75 + Math.SQRT2 * Math.sqrt(Math.log(10) / 4), 12);
      expect(ucb1(3, 4, 10, 0)).toBe(0.75);
      expect(ucb1(0, 0, 10, Math.SQRT2)).toBe(Number.POSITIVE_INFINITY);
    });

    it('given a well-tried strong child and a once-tried weak one, when selected, then √2 explores the weak one and a small c exploits the strong one', () => {
      const parent = family(5, [3.6, 4], [0.1, 1]);
      expect(selectChild(parent, Math.SQRT2)).toBe(parent.children[1]);
      expect(selectChild(parent, 0.1)).toBe(parent.children[0]);
    });

    it('given an unvisited child, when selected, then it goes first; on a tie the earlier child wins', () => {
      const parent = family(3, [2, 2], [0, 0], [0, 0]);
      expect(selectChild(parent, Math.SQRT2)).toBe(parent.children[1]);
      const tied = family(4, [1, 2], [1, 2]);
      expect(selectChild(tied, Math.SQRT2)).toBe(tied.children[0]);
    });

    it('given a simulated leaf, when backpropagated, then it and every ancestor gain the visit and the value', () => {
      const root = family(1, [0.5, 1]);
      const leaf = node(0, 0, root.children[0]);
      backpropagate(leaf, 0.25);
      expect([leaf, root.children[0], root].map((at) => [at.visits, at.valueSum])).toEqual([
        [1, 0.25],
        [2, 0.75],
        [2, 0.25],
      ]);
    });

    it('given a tree, when its best path is read, then it follows the most visited children', () => {
      const root = family(5, [1, 1], [2.4, 3], [0.9, 1]);
      root.children[1].children = [node(0.5, 1, root.children[1]), node(1.8, 2, root.children[1])];
      expect(mostVisitedPath(root)).toEqual([root, root.children[1], root.children[1].children[1]]);
    });
  });

  describe('search', () => {
    it('given options of different worth, when searched, then UCB1 tries each, returns to the best, explores again, and answers from the most visited path', async () => {
      const model = search();
      const context = strategyContext(model, { settings: { mcts: { maxCalls: 16, tokenAllowance: 1_000_000, branching: 3, maxDepth: 2, exploration: Math.SQRT2 } } });

      expect(await mcts(context)).toBe('via good');

      // Each of the root's options once, then back to the best (expanded), then meh: its exploration bonus has grown past good's.
      expect(simulated(context.lines)).toEqual(['meh', 'bad', 'good', 'good-a', 'meh-a', 'good-b']);
      expect(model.requests).toHaveLength(15);
      expect(model.requests[0].system).toContain('Propose exactly 3 different next steps');
      expect(lastUserText(model.requests[8])).toContain('PARTIAL SOLUTION:\n<untrusted_data source="partial_solution">\n1. good\n2. good-a\n</untrusted_data>');
    });

    it('given the same deterministic model twice, when searched, then the searches are identical', async () => {
      const first = search();
      const second = search();
      await mcts(strategyContext(first));
      await mcts(strategyContext(second));
      expect(second.requests).toEqual(first.requests);
    });

    it('given a call limit, when searched, then no iteration starts that would pass it', async () => {
      for (const maxCalls of [3, 4, 7]) {
        const model = search();
        await mcts(strategyContext(model, { settings: { mcts: { maxCalls, tokenAllowance: 1_000_000, branching: 3, maxDepth: 2, exploration: Math.SQRT2 } } }));
        expect(model.requests.length).toBeLessThanOrEqual(maxCalls);
        expect(model.requests.length).toBeGreaterThan(maxCalls - 2);
      }
    });

    it('given a token allowance that covers one iteration, when searched, then it stops after that iteration', async () => {
      const probe = strategyContext(search(), { settings: { mcts: { maxCalls: 3, tokenAllowance: 1_000_000, branching: 3, maxDepth: 2, exploration: Math.SQRT2 } } });
      await mcts(probe);
      const oneIteration = probe.model.tokensUsed;

      const model = search();
      const context = strategyContext(model, { settings: { mcts: { maxCalls: 16, tokenAllowance: oneIteration + 10, branching: 3, maxDepth: 2, exploration: Math.SQRT2 } } });
      expect(await mcts(context)).toBe('via meh');
      expect(model.requests).toHaveLength(3);
      expect(context.model.tokensUsed).toBe(oneIteration);
    });

    it('given rollouts that never reach a FINAL ANSWER, when searched, then the strategy fails', async () => {
      const model = scriptedModel((request) => (protocolOf(request) === 'mcts.expand' ? 'OPTION 1: think' : 'still thinking'));
      await expect(mcts(strategyContext(model, { settings: { mcts: { maxCalls: 6, tokenAllowance: 1_000_000, branching: 3, maxDepth: 2, exploration: Math.SQRT2 } } }))).rejects.toThrow(
        'mcts: no simulation reached a FINAL ANSWER within 5 calls',
      );
      // A rollout without an answer is not judged: expand, roll out, expand, roll out, roll out the leaf at the depth limit.
      expect(model.requests.map(protocolOf)).toEqual(['mcts.expand', 'mcts.rollout', 'mcts.expand', 'mcts.rollout', 'mcts.rollout']);
    });
  });
});
