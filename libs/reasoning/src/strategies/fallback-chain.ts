import { selectStrategy, STRATEGIES, type Strategy } from '@sigil/strategy-ranges';
import { asModelCallError, finalFailureOf, StrategyFailedError, type FinalFailure } from '../model/reasoning-errors';
import { chainOfThought } from './chain-of-thought';
import { direct } from './direct';
import { mcts } from './mcts';
import { react } from './react';
import type { StrategyContext, StrategyRun } from './strategy';
import { treeOfThoughts } from './tree-of-thoughts';

/** Spec §3.3: from the most thorough strategy down to a single call. */
export const FALLBACK_CHAIN: readonly Strategy[] = ['mcts', 'react', 'tree_of_thoughts', 'chain_of_thought', 'direct'];

const RUNS: Record<Strategy, StrategyRun> = {
  direct,
  chain_of_thought: chainOfThought,
  tree_of_thoughts: treeOfThoughts,
  react,
  mcts,
};

/** The step's named strategy, or the one for its complexity when it names none (or one that does not exist). */
export function strategyFor(named: string, complexity: number): Strategy {
  return (STRATEGIES as readonly string[]).includes(named) ? (named as Strategy) : selectStrategy(complexity).strategy;
}

/** The chain from the given strategy on: a strategy only ever falls back to simpler ones. */
export function fallbackChainFrom(strategy: Strategy): Strategy[] {
  return FALLBACK_CHAIN.slice(FALLBACK_CHAIN.indexOf(strategy));
}

export type ChainResult =
  | { ok: true; answer: string; strategy: Strategy; strategiesTried: Strategy[] }
  | { ok: false; failure: FinalFailure; strategiesTried: Strategy[] };

/**
 * Runs the strategies in order until one answers. A strategy that fails hands over to the next;
 * budget exhaustion, cancellation and a provider that cannot answer at all end the chain at once.
 * Anything else thrown (the infrastructure under the model port) is not the chain's to judge and
 * propagates, so the step's delivery is retried.
 */
export async function runFallbackChain(chain: Strategy[], context: StrategyContext): Promise<ChainResult> {
  const strategiesTried: Strategy[] = [];
  let last: FinalFailure = { code: 'RSN_001', retryable: true, message: 'no strategy was tried' };
  for (const strategy of chain) {
    strategiesTried.push(strategy);
    try {
      return { ok: true, answer: await RUNS[strategy](context), strategy, strategiesTried };
    } catch (error) {
      const final = finalFailureOf(error, context.signal);
      if (final) return { ok: false, failure: final, strategiesTried };
      const modelError = asModelCallError(error);
      if (!modelError && !(error instanceof StrategyFailedError)) throw error;
      const message = error instanceof Error ? error.message : String(error);
      context.trace(`${strategy} failed: ${message}`);
      last = modelError ? { code: 'LLM_001', retryable: modelError.retryable, message } : { code: 'RSN_001', retryable: true, message };
    }
  }
  const failure = last.code === 'RSN_001' ? { ...last, message: `every strategy failed (${strategiesTried.join(' → ')}); last: ${last.message}` } : last;
  return { ok: false, failure, strategiesTried };
}
