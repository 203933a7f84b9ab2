import { fenceUntrusted, UNTRUSTED_DATA_RULE } from '@sigil/context';
import { MAX_PLAN_STEPS } from './plan';

export const PLANNING_PROMPT_HEADER = '## PLAN REQUEST';

export interface PlanningTool {
  name: string;
  description: string;
}

export interface PlanningPromptInput {
  goal: string;
  /** Recalled memory, history and contract requirements, already assembled (and fenced where untrusted). */
  context: string;
  tools: PlanningTool[];
  /** Why the previous answer was refused (e.g. the cycle), so the model can correct it. */
  previousError?: string;
  /** A replan: what is already done (kept) and which step failed, so only the rest is planned again. */
  replan?: { completed: { id: string; title: string }[]; failedStepId: string; failure: string };
}

/** The prompt that asks for a plan; its answer is read by `parsePlan`. */
export function renderPlanningPrompt(input: PlanningPromptInput): string {
  const lines = [
    PLANNING_PROMPT_HEADER,
    `Break the goal into at most ${MAX_PLAN_STEPS} steps. Steps that do not depend on each other run in parallel, so only add a dependency when a step needs another's result.`,
    'Answer with JSON only, in this shape:',
    '{"steps": [{"id": "s1", "title": "...", "type": "reasoning|tool_call|memory_op|decision", "instruction": "...", "depends_on": [], "on_failure": "retry|replan|skip|abort", "max_retries": 1, "tool": "(tool_call and memory_op only)", "tool_input": {}}]}',
    'on_failure: retry = try again then stop the run; replan = plan the rest again; skip = go on without it; abort = stop the run.',
    `Tools: ${input.tools.map((tool) => `${tool.name} (${tool.description})`).join('; ') || 'none'}.`,
    UNTRUSTED_DATA_RULE,
    'GOAL:',
    fenceUntrusted('user', input.goal),
  ];
  if (input.context.trim()) lines.push('CONTEXT:', input.context);
  if (input.replan) {
    lines.push(
      `REPLAN. COMPLETED STEPS: ${input.replan.completed.map((step) => step.id).join(', ') || 'none'}`,
      `FAILED STEP: ${input.replan.failedStepId}`,
      `Failure: ${input.replan.failure}`,
      'Plan only the work still to do; do not repeat completed steps, and route around the failed one. Completed step ids may be used in depends_on.',
    );
  }
  if (input.previousError) lines.push(`YOUR PREVIOUS PLAN WAS REFUSED: ${input.previousError}. Correct it.`);
  return lines.join('\n');
}

export function isPlanningPrompt(prompt: string): boolean {
  return prompt.startsWith(PLANNING_PROMPT_HEADER);
}

/** What a planning prompt asked: the goal, and for a replan the completed and failed step ids. */
export function readPlanningPrompt(prompt: string): { goal: string; completed: string[]; failedStepId?: string } {
  const goal = /GOAL:\n<untrusted_data source="user">\n([\s\S]*?)\n<\/untrusted_data>/.exec(prompt)?.[1] ?? '';
  const completed = /COMPLETED STEPS: (.*)/.exec(prompt)?.[1];
  return {
    goal,
    completed: completed && completed !== 'none' ? completed.split(',').map((id) => id.trim()) : [],
    failedStepId: /FAILED STEP: (\S+)/.exec(prompt)?.[1],
  };
}
