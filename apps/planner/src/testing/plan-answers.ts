import { planToJson, type PlanStep } from '@sigil/plans';

/** A reasoning step of a test plan, retried once by default. */
export const step = (id: string, dependsOn: string[] = [], extra: Partial<PlanStep> = {}): PlanStep => ({
  id,
  title: `Step ${id}`,
  type: 'reasoning',
  instruction: `Work out part ${id}.`,
  dependsOn,
  onFailure: 'retry',
  maxRetries: 1,
  ...extra,
});

/** A planning call's answer: the plan as the model writes it. */
export const planAnswer = (...steps: PlanStep[]) => planToJson({ goal: '', steps });

/** Four independent steps, then one that combines them. */
export const WIDE = planAnswer(step('a'), step('b'), step('c'), step('d'), step('e', ['a', 'b', 'c', 'd']));
