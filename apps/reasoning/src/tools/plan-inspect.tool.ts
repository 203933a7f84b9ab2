import { Queries } from '@sigil/catalog';
import type { Correlation, QueryClient } from '@sigil/messaging';
import type { Tool } from '@sigil/reasoning';
import type { PlanStepView, RunPlanView } from '@sigil/schemas';
import { askQuery } from './query-tool';

const OUTPUT_EXCERPT_CHARS = 300;

function renderStep(step: PlanStepView): string {
  const after = step.dependsOn.length > 0 ? ` after ${step.dependsOn.join(', ')}` : '';
  const output = step.output ? `\n  output: ${step.output.replace(/\s+/g, ' ').slice(0, OUTPUT_EXCERPT_CHARS)}` : '';
  const error = step.error ? `\n  error: ${step.error}` : '';
  return `- ${step.stepId} [${step.status || 'pending'}] ${step.type}: ${step.title}${after}${output}${error}`;
}

export function renderPlan(plan: RunPlanView | undefined): string {
  if (!plan) return 'The run has no plan yet.';
  return [`Goal: ${plan.goal}`, `Replans: ${plan.replans}`, ...plan.steps.map(renderStep)].join('\n');
}

/** Shows the step's own run's plan and each step's progress; the planner answers `sigil.run.v1.get_plan`. */
export function planInspectTool(queries: QueryClient, correlation: Correlation): Tool {
  return {
    name: 'plan_inspect',
    description: "Show this run's plan: every step with its status, dependencies and (shortened) output.",
    inputSchema: { type: 'object', properties: {}, additionalProperties: false },
    run: (_input, context) =>
      askQuery(
        () => queries.request(Queries.GetRunPlan, { runId: context.runId }, correlation),
        (answer) => renderPlan(answer.plan),
      ),
  };
}
