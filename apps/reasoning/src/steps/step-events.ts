import type { MessageInitShape } from '@bufbuild/protobuf';
import type { StepInput, StepOutcome } from '@sigil/reasoning';
import type { StepCompletedSchema, StepFailedSchema, StepRequested } from '@sigil/schemas';

/** The lib's view of a requested step; a step without its own output limit gets the configured default. */
export function stepInputOf(step: StepRequested, defaultMaxOutputTokens: number): StepInput {
  return {
    runId: step.runId,
    sessionId: step.sessionId,
    stepId: step.stepId,
    kind: step.stepType,
    strategy: step.strategy,
    complexity: step.complexity,
    system: step.systemPrompt,
    prompt: step.prompt,
    maxOutputTokens: Number(step.maxOutputTokens) > 0 ? Number(step.maxOutputTokens) : defaultMaxOutputTokens,
    toolName: step.toolName,
    toolInputJson: step.toolInputJson,
  };
}

function tokensOf(outcome: StepOutcome) {
  const { inputTokens, outputTokens } = outcome.usage;
  return { inputTokens: BigInt(inputTokens), outputTokens: BigInt(outputTokens), totalTokens: BigInt(inputTokens + outputTokens) };
}

export type StepEvent =
  | { kind: 'completed'; payload: MessageInitShape<typeof StepCompletedSchema> }
  | { kind: 'failed'; payload: MessageInitShape<typeof StepFailedSchema> };

/** What the planner hears about a step: its output, or why it failed; either way the tokens of all its calls. */
export function stepEventOf(step: StepRequested, outcome: StepOutcome): StepEvent {
  const ids = { runId: step.runId, sessionId: step.sessionId, stepId: step.stepId };
  const modelUsed = outcome.usage.models.join(', ');
  if (outcome.status === 'completed') {
    return {
      kind: 'completed',
      payload: {
        ...ids,
        output: outcome.output,
        tokensUsed: tokensOf(outcome),
        modelUsed,
        strategy: outcome.strategy,
        strategiesTried: outcome.strategiesTried,
        toolCalls: outcome.toolCalls,
        costUsd: outcome.usage.costUsd,
      },
    };
  }
  return {
    kind: 'failed',
    payload: { ...ids, errorCode: outcome.errorCode, message: outcome.message, tokensUsed: tokensOf(outcome), retryable: outcome.retryable, modelUsed },
  };
}
