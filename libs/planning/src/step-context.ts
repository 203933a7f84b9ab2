/**
 * What each call of the run sees, assembled by the context manager from the run's sources: the
 * agent's system prompt, the contract (final step only), recalled memory, the session's history,
 * the plan state (its dependencies' outputs), the step's instruction and the task.
 */
import { assembleContext, countTokens, type AssembledContext, type ContextSources, type DependencyOutput } from '@sigil/context';
import { renderPlanningPrompt, type PlanningPromptInput, type PlanningTool } from '@sigil/plans';
import { MAX_OUTPUT_TOKENS, PLAN_MAX_OUTPUT_TOKENS, type PlanCacheKey, type PlanStepProgress, type RunPlan, type RunRequest, type RunState } from './run-state';
import type { RunSettings } from './run-settings';

/** The tools a plan may use in tool_call and memory_op steps (reasoning runs them). */
export const PLANNING_TOOLS: PlanningTool[] = [
  { name: 'memory_search', description: 'search what memory holds; tool_input {"query": "...", "k": 5}' },
  { name: 'memory_store', description: 'remember a fact for later runs; tool_input {"content": "...", "category": "..."}' },
  { name: 'plan_inspect', description: "read this run's plan and each step's status; tool_input {}" },
];

/** The call's text and what the context manager left out. */
export interface CallContext {
  system: string;
  prompt: string;
  dropped: AssembledContext['dropped'];
}

/** The sources every call of the run shares; each call adds its own. */
function runSources(state: RunState, request: RunRequest): Pick<ContextSources, 'system' | 'memory' | 'history'> {
  return { system: request.agent.systemPrompt, memory: state.memory?.items, history: request.history };
}

const outputOf = (state: RunState, step: PlanStepProgress) => state.steps.find((attempt) => attempt.stepId === step.stepId)?.output ?? '';

/** Where the plan stands, from this step's point of view. */
function progressOf(plan: RunPlan, step: PlanStepProgress): string {
  const named = (status: PlanStepProgress['status']) => plan.steps.filter((other) => other.status === status).map((other) => other.id);
  const parts: [string, string[]][] = [
    ['completed', named('completed')],
    ['skipped', named('skipped')],
    ['in progress', named('dispatched').filter((id) => id !== step.id)],
    ['to do', named('pending').filter((id) => id !== step.id)],
  ];
  const listed = parts.filter(([, ids]) => ids.length > 0).map(([label, ids]) => `${label}: ${ids.join(', ')}`);
  return [`This is step '${step.id}' (${step.title}) of a ${plan.steps.length}-step plan.`, ...listed].join('\n');
}

/** An execution step's context; the contract only reaches the final step, whose output it judges. */
export function stepContext(state: RunState, request: RunRequest, plan: RunPlan, step: PlanStepProgress, settings: RunSettings): CallContext {
  const byId = new Map(plan.steps.map((other) => [other.id, other]));
  const dependencyOutputs: DependencyOutput[] = step.dependsOn
    .map((id) => byId.get(id))
    .filter((dependency): dependency is PlanStepProgress => dependency !== undefined)
    .map((dependency) => ({
      stepId: dependency.id,
      title: dependency.title,
      status: dependency.status === 'skipped' ? 'skipped' : 'completed',
      output: dependency.status === 'skipped' ? '' : outputOf(state, dependency),
    }));
  const isFinal = step.id === plan.finalStepId;
  const { system, prompt, dropped } = assembleContext(
    {
      ...runSources(state, request),
      task: request.input,
      contract: isFinal ? (state.finalContract ?? state.contract?.promptContext) : undefined,
      // The one-step plan of simple work is the task itself: no plan to report, no instruction beyond it.
      planState: plan.planned ? progressOf(plan, step) : undefined,
      dependencyOutputs,
      instruction: plan.planned ? step.instruction : undefined,
    },
    { maxContextTokens: settings.contextWindowTokens, reserveOutputTokens: MAX_OUTPUT_TOKENS },
  );
  return { system, prompt, dropped };
}

type PlanningRequest = Pick<PlanningPromptInput, 'previousError' | 'replan'>;

/**
 * The planning context: recalled memory, history and the contract's requirements, assembled so
 * that the planning prompt around it (goal, format, tools) and the plan's answer still fit. The
 * task is the goal in the planning prompt, so it is not repeated here.
 */
function planningContext(state: RunState, request: RunRequest, settings: RunSettings, ask: PlanningRequest): AssembledContext {
  const frame = renderPlanningPrompt({ goal: request.input, context: '', tools: PLANNING_TOOLS, ...ask });
  return assembleContext(
    { ...runSources(state, request), task: '', contract: state.contract?.promptContext },
    { maxContextTokens: settings.contextWindowTokens, reserveOutputTokens: PLAN_MAX_OUTPUT_TOKENS + countTokens(frame) },
  );
}

/** A planning call: the planning prompt (read with `parsePlan`) around the assembled context. */
export function planningCallContext(state: RunState, request: RunRequest, settings: RunSettings, ask: PlanningRequest): CallContext {
  const assembled = planningContext(state, request, settings, ask);
  const prompt = renderPlanningPrompt({ goal: request.input, context: assembled.prompt, tools: PLANNING_TOOLS, ...ask });
  return { system: assembled.system, prompt, dropped: assembled.dropped };
}

/** What a first plan is cached under: the goal and the context it was planned in. */
export function planCacheKey(state: RunState, request: RunRequest, settings: RunSettings): PlanCacheKey {
  const assembled = planningContext(state, request, settings, {});
  return { goal: request.input, context: `${assembled.system}\n\n${assembled.prompt}` };
}
