/** Test support for this lib's specs: a model whose answers a test scripts as a pure function of the request. */
import { MeteredModel } from '../model/metered-model';
import type { ModelRequest, ModelResponse, ModelToolUse, ReasoningModel } from '../model/model-port';
import { textOf } from '../model/model-port';
import { DEFAULT_STRATEGY_SETTINGS, type StrategyContext, type StrategySettings } from '../strategies/strategy';
import { ToolRegistry, ToolRunner } from '../tools/tool';

export type Scripted = string | { text?: string; toolUses?: ModelToolUse[] } | Error;

export const tokensOf = (text: string) => Math.ceil(text.length / 4);

export function requestText(request: ModelRequest): string {
  return [request.system, ...request.messages.map((message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content)))].join('\n');
}

/** The last user message's text blocks, joined: where strategies put what a call adds to the task. */
export const lastUserText = (request: ModelRequest) => textOf(request.messages.at(-1)?.content ?? '');

/** A model answering by `script(request, callNumber)`; records every request it saw. */
export function scriptedModel(script: (request: ModelRequest, call: number) => Scripted): ReasoningModel & { requests: ModelRequest[] } {
  const requests: ModelRequest[] = [];
  return {
    requests,
    async complete(request: ModelRequest): Promise<ModelResponse> {
      requests.push(structuredClone(request));
      const scripted = script(request, requests.length);
      if (scripted instanceof Error) throw scripted;
      const { text = '', toolUses = [] } = typeof scripted === 'string' ? { text: scripted } : scripted;
      return {
        text,
        toolUses,
        inputTokens: tokensOf(requestText(request)),
        outputTokens: tokensOf(text),
        model: 'scripted-model',
        stopReason: toolUses.length > 0 ? 'tool_use' : 'end_turn',
        costUsd: 0.001,
      };
    },
  };
}

/** A strategy context over the scripted model, with the given tools and settings. */
export function strategyContext(
  model: ReasoningModel,
  options: { tools?: ToolRegistry; settings?: Partial<StrategySettings>; signal?: AbortSignal; prompt?: string } = {},
): StrategyContext & { lines: string[] } {
  const signal = options.signal ?? new AbortController().signal;
  const lines: string[] = [];
  return {
    system: 'You are a careful analyst.',
    prompt: options.prompt ?? 'How many legs do three spiders have?',
    maxOutputTokens: 512,
    model: new MeteredModel(model, signal),
    tools: new ToolRunner(options.tools ?? new ToolRegistry(), { runId: 'run-1', sessionId: 'session-1', stepId: 'run-1:s1:1' }, signal),
    settings: { ...DEFAULT_STRATEGY_SETTINGS, ...options.settings },
    signal,
    trace: (line) => lines.push(line),
    lines,
  };
}

/** The protocol a request asks for (its header), for scripts that answer by call kind. */
export const protocolOf = (request: ModelRequest) => /## REASONING PROTOCOL: (\S+)/.exec(request.system)?.[1] ?? 'direct';
