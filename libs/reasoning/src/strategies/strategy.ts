import type { MeteredModel } from '../model/metered-model';
import type { ToolRunner } from '../tools/tool';

/** How far the searching strategies go; small by default, since every call is paid for (spec §8.1). */
export interface StrategySettings {
  /** Answer calls' output limit comes from the step; judging calls need only a line. */
  evaluationMaxTokens: number;
  /** Model calls per strategy that ask again after an unparseable answer. */
  parseRetries: number;
  treeOfThoughts: { candidates: number; breadth: number; depth: number };
  react: { maxIterations: number };
  mcts: { maxCalls: number; tokenAllowance: number; branching: number; maxDepth: number; exploration: number };
}

export const DEFAULT_STRATEGY_SETTINGS: StrategySettings = {
  evaluationMaxTokens: 200,
  parseRetries: 1,
  treeOfThoughts: { candidates: 3, breadth: 2, depth: 1 },
  react: { maxIterations: 6 },
  mcts: { maxCalls: 16, tokenAllowance: 24_000, branching: 3, maxDepth: 3, exploration: Math.SQRT2 },
};

/** What a strategy works with: the step's prompts, the metered model, the step's tools and its trace. */
export interface StrategyContext {
  system: string;
  prompt: string;
  maxOutputTokens: number;
  model: MeteredModel;
  tools: ToolRunner;
  settings: StrategySettings;
  /** Aborted when the step is cancelled or its deadline passes. */
  signal: AbortSignal;
  /** Records how the answer came about (reasoning steps, candidates and scores, tool calls). */
  trace(line: string): void;
}

export type StrategyRun = (context: StrategyContext) => Promise<string>;
