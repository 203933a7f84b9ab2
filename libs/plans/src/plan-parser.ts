import { FAILURE_POLICIES, MAX_PLAN_STEPS, STEP_TYPES, type FailurePolicy, type Plan, type PlanCheck, type PlanStep, type StepType } from './plan';
import { validateDag } from './plan-dag';

const STEP_ID = /^[A-Za-z0-9_-]{1,40}$/;
const TOOL_STEP_TYPES: readonly StepType[] = ['tool_call', 'memory_op'];

const malformed = (message: string): PlanCheck => ({ ok: false, error: { code: 'PLAN_003', message } });

/** The plan JSON in a model's answer: a fenced block, else the outermost braces. */
export function planJsonIn(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text)?.[1];
  const candidate = fenced ?? text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1);
  if (!candidate.trim()) return undefined;
  try {
    return JSON.parse(candidate);
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function stepFrom(raw: unknown, index: number): PlanStep | string {
  if (!isRecord(raw)) return `steps[${index}] is not an object`;
  const id = raw.id;
  if (typeof id !== 'string' || !STEP_ID.test(id)) return `steps[${index}].id must be 1-40 letters, digits, _ or -`;
  const type = (raw.type ?? 'reasoning') as StepType;
  if (!STEP_TYPES.includes(type)) return `step '${id}': type must be one of ${STEP_TYPES.join(', ')}`;
  const instruction = raw.instruction ?? raw.title;
  if (typeof instruction !== 'string' || !instruction.trim()) return `step '${id}': instruction is required`;
  const dependsOn = raw.depends_on ?? [];
  if (!Array.isArray(dependsOn) || dependsOn.some((dependency) => typeof dependency !== 'string')) return `step '${id}': depends_on must be a list of step ids`;
  const onFailure = (raw.on_failure ?? 'retry') as FailurePolicy;
  if (!FAILURE_POLICIES.includes(onFailure)) return `step '${id}': on_failure must be one of ${FAILURE_POLICIES.join(', ')}`;
  const maxRetries = raw.max_retries ?? 1;
  if (!Number.isInteger(maxRetries) || (maxRetries as number) < 0 || (maxRetries as number) > 3) return `step '${id}': max_retries must be an integer 0-3`;
  const toolName = raw.tool;
  if (TOOL_STEP_TYPES.includes(type) && (typeof toolName !== 'string' || !toolName)) return `step '${id}': a ${type} step names its tool`;
  if (raw.tool_input !== undefined && !isRecord(raw.tool_input)) return `step '${id}': tool_input must be an object`;
  return {
    id,
    title: typeof raw.title === 'string' && raw.title.trim() ? raw.title.trim() : instruction.trim().slice(0, 80),
    type,
    instruction: instruction.trim(),
    dependsOn: [...new Set(dependsOn as string[])],
    onFailure,
    maxRetries: maxRetries as number,
    ...(typeof toolName === 'string' && toolName ? { toolName } : {}),
    ...(isRecord(raw.tool_input) ? { toolInput: raw.tool_input } : {}),
  };
}

/** Reads a model's plan and checks it: shape, limits, then the DAG (Kahn). */
export function parsePlan(text: string, goal: string): PlanCheck {
  const parsed = planJsonIn(text);
  if (!isRecord(parsed) || !Array.isArray(parsed.steps)) return malformed('the answer holds no JSON object with a "steps" list');
  if (parsed.steps.length === 0) return malformed('the plan has no steps');
  if (parsed.steps.length > MAX_PLAN_STEPS) return malformed(`the plan has ${parsed.steps.length} steps; at most ${MAX_PLAN_STEPS} are allowed`);
  const steps: PlanStep[] = [];
  for (const [index, raw] of parsed.steps.entries()) {
    const step = stepFrom(raw, index);
    if (typeof step === 'string') return malformed(step);
    if (steps.some((existing) => existing.id === step.id)) return malformed(`step id '${step.id}' is used twice`);
    steps.push(step);
  }
  return checkPlan({ goal, steps });
}

/** A plan from any source (a model, the cache) is checked the same way before it runs. */
export function checkPlan(plan: Plan): PlanCheck {
  const dag = validateDag(plan.steps);
  return dag.ok ? { ok: true, plan, order: dag.order } : dag;
}

/** The plan as the JSON the planning prompt asks for: what is cached and what the local model answers. */
export function planToJson(plan: Plan): string {
  return JSON.stringify({
    steps: plan.steps.map((step) => ({
      id: step.id,
      title: step.title,
      type: step.type,
      instruction: step.instruction,
      depends_on: step.dependsOn,
      on_failure: step.onFailure,
      max_retries: step.maxRetries,
      ...(step.toolName ? { tool: step.toolName } : {}),
      ...(step.toolInput ? { tool_input: step.toolInput } : {}),
    })),
  });
}

export const FINAL_STEP_ID = 'final';

/**
 * A plan's answer comes from one step. With several sinks, a final step that combines them is added,
 * so the run's output (what its contract judges) is one step's output.
 */
export function withSingleFinalStep(plan: Plan): Plan {
  const dependedOn = new Set(plan.steps.flatMap((step) => step.dependsOn));
  const sinks = plan.steps.filter((step) => !dependedOn.has(step.id));
  if (sinks.length <= 1 && sinks[0]?.type !== 'tool_call' && sinks[0]?.type !== 'memory_op') return plan;
  const id = plan.steps.some((step) => step.id === FINAL_STEP_ID) ? `${FINAL_STEP_ID}_${plan.steps.length + 1}` : FINAL_STEP_ID;
  const final: PlanStep = {
    id,
    title: 'Final answer',
    type: 'reasoning',
    instruction: 'Combine the results of the earlier steps into the final answer to the goal.',
    dependsOn: sinks.map((step) => step.id),
    onFailure: 'retry',
    maxRetries: 1,
  };
  return { ...plan, steps: [...plan.steps, final] };
}
