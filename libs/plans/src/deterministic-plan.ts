import type { Plan, PlanStep } from './plan';
import { readPlanningPrompt } from './planning-prompt';

const NUMBERED_ITEM = /^\s*(\d{1,2})[.)]\s+(.+)$/;
const AFTER = /\((?:after|needs|depends on)\s+([\d,\sand]+)\)\s*$/i;
const SEARCH = /^search memory for\s+(.+)$/i;
const REMEMBER = /^(?:remember|store)\s+(?:that\s+)?(.+)$/i;
const FAILING_TOOL = /^use the (\w+) tool\b/i;

function stepFromItem(number: string, text: string): PlanStep {
  const after = AFTER.exec(text);
  const body = (after ? text.slice(0, after.index) : text).trim();
  const dependsOn = after ? [...after[1].matchAll(/\d+/g)].map((match) => `s${match[0]}`) : [];
  const base = { id: `s${number}`, title: body.slice(0, 80), instruction: body, dependsOn, onFailure: 'retry' as const, maxRetries: 1 };
  const search = SEARCH.exec(body);
  if (search) return { ...base, type: 'memory_op', toolName: 'memory_search', toolInput: { query: search[1] } };
  const remember = REMEMBER.exec(body);
  if (remember) return { ...base, type: 'memory_op', toolName: 'memory_store', toolInput: { content: remember[1] } };
  // "Use the <name> tool ..." calls that tool as is; an unknown name fails the step (fault scenarios).
  const tool = FAILING_TOOL.exec(body);
  if (tool) return { ...base, type: 'tool_call', toolName: tool[1], toolInput: {}, onFailure: 'replan', maxRetries: 0 };
  return { ...base, type: /^(decide|choose)\b/i.test(body) ? 'decision' : 'reasoning' };
}

/**
 * The local model's plan, the same for the same goal: a numbered list in the goal becomes one step
 * per item ("(after 1, 2)" adds dependencies; "Search memory for …" and "Remember …" become
 * memory_op steps); anything else becomes analyse → answer. A replan leaves out what is done and
 * the failed step, and drops dependencies on the failed step.
 */
export function deterministicPlan(goal: string, replan?: { completed: string[]; failedStepId?: string }): Plan {
  const items = goal
    .split('\n')
    .map((line) => NUMBERED_ITEM.exec(line))
    .filter((match): match is RegExpExecArray => match !== null);
  let steps: PlanStep[] =
    items.length > 0
      ? items.map((match) => stepFromItem(match[1], match[2]))
      : [
          { id: 's1', title: 'Analyse the request', type: 'reasoning', instruction: 'List what the answer must cover and the facts it needs.', dependsOn: [], onFailure: 'retry', maxRetries: 1 },
          { id: 's2', title: 'Answer', type: 'reasoning', instruction: 'Answer the goal using the analysis.', dependsOn: ['s1'], onFailure: 'retry', maxRetries: 1 },
        ];
  if (replan) {
    const gone = new Set([...replan.completed, ...(replan.failedStepId ? [replan.failedStepId] : [])]);
    steps = steps
      .filter((step) => !gone.has(step.id))
      .map((step) => ({ ...step, dependsOn: step.dependsOn.filter((dependency) => dependency !== replan.failedStepId) }));
  }
  return { goal, steps };
}

/** The local model's answer to a planning prompt. */
export function deterministicPlanFor(prompt: string): Plan {
  const request = readPlanningPrompt(prompt);
  return deterministicPlan(request.goal, request.failedStepId ? { completed: request.completed, failedStepId: request.failedStepId } : undefined);
}
