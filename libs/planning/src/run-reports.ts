/** The run's steps as it reports them: on finishing (results, partial results) and to the plan query. */
import type { PlanReport, PlanStepProgress, PlanStepReport, RunState, StepOutcome } from './run-state';

function outcomeOf(state: RunState, step: PlanStepProgress): StepOutcome {
  const attempt = step.status === 'completed' ? state.steps.find((candidate) => candidate.stepId === step.stepId) : undefined;
  return { stepId: step.id, title: step.title, status: step.status, output: attempt?.output ?? '', error: step.error ? `${step.error.code}: ${step.error.message}` : '' };
}

/** Every step of the current plan (kept steps of earlier plans included), completed ones with their output. */
export function stepOutcomes(state: RunState): StepOutcome[] {
  return (state.plan?.steps ?? []).map((step) => outcomeOf(state, step));
}

export function planReport(state: RunState): PlanReport {
  const steps: PlanStepReport[] = (state.plan?.steps ?? []).map((step) => ({
    ...outcomeOf(state, step),
    type: step.type,
    dependsOn: step.dependsOn,
    onFailure: step.onFailure,
    attempts: step.attempts,
    toolName: step.toolName ?? '',
    toolInputJson: step.toolInput ? JSON.stringify(step.toolInput) : '',
    instruction: step.instruction,
  }));
  return { goal: state.plan?.goal ?? state.request?.input ?? '', steps, replans: state.plan?.replans ?? 0, cached: state.plan?.cached ?? false };
}
