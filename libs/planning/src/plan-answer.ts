/** Plans as the run uses them: the one-step plan of simple work, and a planning call's answer read and checked. */
import { parsePlan, planJsonIn, planToJson, withSingleFinalStep, type Plan, type PlanError, type PlanStep } from '@sigil/plans';

/** The one step of simple work: the task itself. */
export const ANSWER_STEP_ID = 'answer';
/** The plan step id of planning calls (their attempts count per run, so their ids never repeat). */
export const PLANNING_STEP_ID = 'plan';

export function singleStepPlan(goal: string): Plan {
  return {
    goal,
    steps: [{ id: ANSWER_STEP_ID, title: 'Answer', type: 'reasoning', instruction: 'Answer the task.', dependsOn: [], onFailure: 'retry', maxRetries: 1 }],
  };
}

/** The steps to run (a replan's new steps, without the kept ones) and which of them answers. */
export type PlanAnswer = { ok: true; steps: PlanStep[]; finalStepId: string } | { ok: false; error: PlanError };

/** The step nothing depends on: after `withSingleFinalStep` there is exactly one. */
function sinkOf(steps: readonly PlanStep[]): string {
  const dependedOn = new Set(steps.flatMap((step) => step.dependsOn));
  return steps.filter((step) => !dependedOn.has(step.id))[0].id;
}

/** The steps list of a model's plan answer, found as `parsePlan` finds it. */
function stepsJsonIn(text: string): unknown[] | undefined {
  const parsed = planJsonIn(text);
  const steps = typeof parsed === 'object' && parsed !== null ? (parsed as { steps?: unknown }).steps : undefined;
  return Array.isArray(steps) ? steps : undefined;
}

/**
 * Reads a planning call's answer. A replan's steps may depend on the steps kept from before (done),
 * so the answer is checked together with them: one `parsePlan` over the kept steps and the new ones
 * refuses ids used twice, unknown dependencies and cycles across both. The final step (the answer)
 * is the new steps' single sink, added when they have several.
 */
export function readPlanAnswer(text: string, goal: string, kept: readonly PlanStep[] = []): PlanAnswer {
  const newSteps = stepsJsonIn(text);
  const combined = kept.length > 0 && newSteps ? JSON.stringify({ steps: [...(JSON.parse(planToJson({ goal, steps: [...kept] })) as { steps: unknown[] }).steps, ...newSteps] }) : text;
  const check = parsePlan(combined, goal);
  if (!check.ok) return check;
  const keptIds = new Set(kept.map((step) => step.id));
  const fresh = check.plan.steps.filter((step) => !keptIds.has(step.id));
  if (fresh.length === 0) return { ok: false, error: { code: 'PLAN_003', message: 'the plan has no steps beyond the completed ones' } };
  const planned = withSingleFinalStep({ goal, steps: fresh }).steps;
  const clash = planned.find((step) => keptIds.has(step.id));
  if (clash) return { ok: false, error: { code: 'PLAN_003', message: `step id '${clash.id}' is used twice` } };
  return { ok: true, steps: planned, finalStepId: sinkOf(planned) };
}
