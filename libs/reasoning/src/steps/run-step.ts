import type { Strategy } from '@sigil/strategy-ranges';
import { MeteredModel, type ModelUsage } from '../model/metered-model';
import type { ReasoningModel } from '../model/model-port';
import { cancellationReason, finalFailureOf, type StepErrorCode } from '../model/reasoning-errors';
import { fallbackChainFrom, runFallbackChain, strategyFor } from '../strategies/fallback-chain';
import { DEFAULT_STRATEGY_SETTINGS, type StrategyContext, type StrategySettings } from '../strategies/strategy';
import { ToolRunner, UnknownToolError, type ToolRegistry } from '../tools/tool';

/** One plan step as reasoning receives it. */
export interface StepInput {
  runId: string;
  sessionId: string;
  stepId: string;
  /** reasoning | decision | plan | tool_call | memory_op; empty means reasoning. */
  kind: string;
  /** The strategy the route or contract chose; empty: chosen by complexity. */
  strategy: string;
  complexity: number;
  system: string;
  prompt: string;
  maxOutputTokens: number;
  toolName: string;
  toolInputJson: string;
}

export interface StepDependencies {
  model: ReasoningModel;
  tools: ToolRegistry;
  signal: AbortSignal;
  settings?: StrategySettings;
}

export interface StepReport {
  /** The strategy that answered (the last tried when none did); empty for a tool step. */
  strategy: Strategy | '';
  strategiesTried: Strategy[];
  toolCalls: number;
  usage: ModelUsage;
  trace: string[];
}

export type StepOutcome = StepReport & ({ status: 'completed'; output: string } | { status: 'failed'; errorCode: StepErrorCode; message: string; retryable: boolean });

type Result = { status: 'completed'; output: string } | { status: 'failed'; errorCode: StepErrorCode; message: string; retryable: boolean };

const failed = (errorCode: StepErrorCode, message: string, retryable: boolean): Result => ({ status: 'failed', errorCode, message, retryable });

function readToolInput(json: string): Record<string, unknown> | undefined {
  if (!json.trim()) return {};
  try {
    const input: unknown = JSON.parse(json);
    return typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A tool step runs its tool as told, without a model. A tool that refuses (unknown name, bad input,
 * an error answer) fails the step for good; one that could not run (the bus did not answer) may
 * work on a retry.
 */
async function runToolStep(input: StepInput, tools: ToolRunner, signal: AbortSignal): Promise<Result> {
  const toolInput = readToolInput(input.toolInputJson);
  if (!toolInput) return failed('RSN_002', `tool_input_json of ${input.toolName} is not a JSON object`, false);
  try {
    const result = await tools.run(input.toolName, toolInput);
    return result.isError ? failed('RSN_002', `${input.toolName}: ${result.output}`, false) : { status: 'completed', output: result.output };
  } catch (error) {
    const final = finalFailureOf(error, signal);
    if (final) return failed(final.code, final.message, final.retryable);
    if (error instanceof UnknownToolError) return failed('RSN_002', error.message, false);
    return failed('RSN_002', `${input.toolName} could not run: ${error instanceof Error ? error.message : String(error)}`, true);
  }
}

/**
 * Runs one step by its kind: `plan` is a single direct call whose raw text is the plan; `reasoning`
 * and `decision` go through the strategy for the step with the fallback chain; `tool_call` and
 * `memory_op` run the named tool. Domain failures come back as a failed outcome; only what lies
 * under the ports (the infrastructure) throws.
 */
export async function runStep(input: StepInput, dependencies: StepDependencies): Promise<StepOutcome> {
  const { signal } = dependencies;
  const model = new MeteredModel(dependencies.model, signal);
  const tools = new ToolRunner(dependencies.tools, input, signal);
  const trace: string[] = [];
  const report = (strategy: Strategy | '', strategiesTried: Strategy[]): StepReport => ({ strategy, strategiesTried, toolCalls: tools.callCount, usage: model.usage(), trace });
  if (signal.aborted) return { ...failed('RSN_003', cancellationReason(signal), false), ...report('', []) };

  if (input.kind === 'tool_call' || input.kind === 'memory_op') return { ...(await runToolStep(input, tools, signal)), ...report('', []) };
  if (!['', 'reasoning', 'decision', 'plan'].includes(input.kind)) return { ...failed('RSN_001', `unknown step type "${input.kind}"`, false), ...report('', []) };

  const context: StrategyContext = {
    system: input.system,
    prompt: input.prompt,
    maxOutputTokens: input.maxOutputTokens,
    model,
    tools,
    settings: dependencies.settings ?? DEFAULT_STRATEGY_SETTINGS,
    signal,
    trace: (line) => trace.push(line),
  };
  const chain = input.kind === 'plan' ? (['direct'] as Strategy[]) : fallbackChainFrom(strategyFor(input.strategy, input.complexity));
  const result = await runFallbackChain(chain, context);
  if (result.ok) return { status: 'completed', output: result.answer, ...report(result.strategy, result.strategiesTried) };
  const { code, message, retryable } = result.failure;
  return { ...failed(code, message, retryable), ...report(result.strategiesTried.at(-1) ?? '', result.strategiesTried) };
}
