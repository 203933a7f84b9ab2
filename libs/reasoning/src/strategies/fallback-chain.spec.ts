import { BudgetExceededError } from '../model/reasoning-errors';
import { protocolOf, scriptedModel, strategyContext } from '../testing/scripted-model';
import { ToolRegistry } from '../tools/tool';
import { fallbackChainFrom, FALLBACK_CHAIN, runFallbackChain, strategyFor } from './fallback-chain';

/** An LlmError as `@sigil/llm` throws it, by shape. */
const llmError = (kind: string, retryable: boolean) => Object.assign(new Error(`provider said ${kind}`), { kind, retryable });

const echoTool = new ToolRegistry([{ name: 'echo', description: 'echoes', inputSchema: { type: 'object' }, run: async () => ({ output: 'echo', isError: false }) }]);

describe('fallback chain', () => {
  it('given the spec order, when listed, then it runs from mcts down to direct and a strategy only falls back to those after it', () => {
    expect(FALLBACK_CHAIN).toEqual(['mcts', 'react', 'tree_of_thoughts', 'chain_of_thought', 'direct']);
    expect(fallbackChainFrom('tree_of_thoughts')).toEqual(['tree_of_thoughts', 'chain_of_thought', 'direct']);
    expect(fallbackChainFrom('direct')).toEqual(['direct']);
  });

  it.each([
    ['react', 0.1, 'react'],
    ['', 0.1, 'direct'],
    ['', 0.45, 'chain_of_thought'],
    ['', 0.6, 'tree_of_thoughts'],
    ['', 0.8, 'react'],
    ['', 0.95, 'mcts'],
    ['quantum', 0.6, 'tree_of_thoughts'],
  ])('given the strategy "%s" and complexity %d, when chosen, then it is %s', (named, complexity, expected) => {
    expect(strategyFor(named, complexity)).toBe(expected);
  });

  it('given a model that only ever answers plainly and no tools, when mcts is asked for, then every strategy is tried in order until direct answers', async () => {
    const model = scriptedModel(() => 'plain answer');
    const context = strategyContext(model, { settings: { mcts: { maxCalls: 4, tokenAllowance: 1_000_000, branching: 3, maxDepth: 2, exploration: Math.SQRT2 } } });
    const result = await runFallbackChain(fallbackChainFrom('mcts'), context);
    expect(result).toEqual({ ok: true, answer: 'plain answer', strategy: 'direct', strategiesTried: ['mcts', 'react', 'tree_of_thoughts', 'chain_of_thought', 'direct'] });
    expect(context.lines.filter((line) => line.includes(' failed: ')).map((line) => line.split(' failed: ')[0])).toEqual(['mcts', 'react', 'tree_of_thoughts', 'chain_of_thought']);
    expect(model.requests.at(-1)?.system).toBe(context.system);
  });

  it('given the budget refuses a call, when the chain runs, then it stops at once with CTX_003 and no fallback', async () => {
    const model = scriptedModel((_, call) => (call === 2 ? new BudgetExceededError('run budget: 900 used + 400 worst case > 1000') : 'OPTION 1: think'));
    const result = await runFallbackChain(fallbackChainFrom('mcts'), strategyContext(model));
    expect(result).toEqual({ ok: false, failure: { code: 'CTX_003', retryable: false, message: 'run budget: 900 used + 400 worst case > 1000' }, strategiesTried: ['mcts'] });
    expect(model.requests).toHaveLength(2);
  });

  it('given the step is cancelled during a call, when the chain runs, then it stops at once with RSN_003', async () => {
    const controller = new AbortController();
    const model = scriptedModel(() => {
      controller.abort('run cancelled (RUN_004)');
      return llmError('aborted', false);
    });
    const result = await runFallbackChain(fallbackChainFrom('tree_of_thoughts'), strategyContext(model, { signal: controller.signal }));
    expect(result).toEqual({ ok: false, failure: { code: 'RSN_003', retryable: false, message: 'run cancelled (RUN_004)' }, strategiesTried: ['tree_of_thoughts'] });
    expect(model.requests).toHaveLength(1);
  });

  it.each([
    ['circuit_open', true],
    ['auth', false],
  ])('given the provider fails with %s, when the chain runs, then no other strategy is tried (LLM_001, retryable %s)', async (kind, retryable) => {
    const model = scriptedModel(() => llmError(kind, kind !== 'auth'));
    const result = await runFallbackChain(fallbackChainFrom('chain_of_thought'), strategyContext(model));
    expect(result).toEqual({ ok: false, failure: { code: 'LLM_001', retryable, message: `provider said ${kind}` }, strategiesTried: ['chain_of_thought'] });
  });

  it('given a call that times out after the provider’s retries, when the chain runs, then the next strategy gets its turn', async () => {
    const model = scriptedModel((request) => (protocolOf(request) === 'react' ? llmError('timeout', true) : 'the answer'));
    const result = await runFallbackChain(fallbackChainFrom('react'), strategyContext(model, { tools: echoTool }));
    // tree_of_thoughts and chain_of_thought find no format in "the answer"; direct takes it as it is.
    expect(result).toEqual({ ok: true, answer: 'the answer', strategy: 'direct', strategiesTried: ['react', 'tree_of_thoughts', 'chain_of_thought', 'direct'] });
  });

  it('given every strategy fails and the last failure is a model error, when the chain ends, then the step fails LLM_001 with its retryability', async () => {
    const model = scriptedModel(() => llmError('invalid_request', false));
    const result = await runFallbackChain(['chain_of_thought', 'direct'], strategyContext(model));
    expect(result).toEqual({ ok: false, failure: { code: 'LLM_001', retryable: false, message: 'provider said invalid_request' }, strategiesTried: ['chain_of_thought', 'direct'] });
  });

  it('given every strategy fails on its output, when the chain ends, then the step fails RSN_001 naming what was tried', async () => {
    const model = scriptedModel(() => ' ');
    const result = await runFallbackChain(['chain_of_thought', 'direct'], strategyContext(model));
    expect(result).toEqual({
      ok: false,
      failure: { code: 'RSN_001', retryable: true, message: 'every strategy failed (chain_of_thought → direct); last: direct: the model answered with no text' },
      strategiesTried: ['chain_of_thought', 'direct'],
    });
  });

  it('given the infrastructure under the model port fails, when the chain runs, then the error propagates for the delivery to be retried', async () => {
    const model = scriptedModel(() => new Error('Redis connection lost'));
    await expect(runFallbackChain(['chain_of_thought', 'direct'], strategyContext(model))).rejects.toThrow('Redis connection lost');
    expect(model.requests).toHaveLength(1);
  });
});
