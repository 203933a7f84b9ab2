import { create } from '@bufbuild/protobuf';
import type { StepOutcome } from '@sigil/reasoning';
import { StepRequestedSchema } from '@sigil/schemas';
import { stepEventOf, stepInputOf } from './step-events';

const step = create(StepRequestedSchema, {
  runId: 'run-1',
  sessionId: 'session-1',
  stepId: 'run-1:s2:1',
  stepType: 'decision',
  strategy: 'react',
  systemPrompt: 'Be brief.',
  prompt: 'Choose.',
  maxOutputTokens: 0n,
  complexity: 0.8,
  toolName: '',
  toolInputJson: '',
});

const report = { strategy: 'direct' as const, strategiesTried: ['react' as const, 'direct' as const], toolCalls: 2, trace: [], usage: { calls: 3, inputTokens: 120, outputTokens: 30, costUsd: 0.0042, models: ['claude-x'] } };

describe('step events', () => {
  it('given a step without its own output limit, when read for the lib, then the configured default applies', () => {
    expect(stepInputOf(step, 4096)).toEqual({
      runId: 'run-1',
      sessionId: 'session-1',
      stepId: 'run-1:s2:1',
      kind: 'decision',
      strategy: 'react',
      complexity: 0.8,
      system: 'Be brief.',
      prompt: 'Choose.',
      maxOutputTokens: 4096,
      toolName: '',
      toolInputJson: '',
    });
    expect(stepInputOf(create(StepRequestedSchema, { ...step, maxOutputTokens: 300n }), 4096).maxOutputTokens).toBe(300);
  });

  it('given a completed outcome, when reported, then StepCompleted carries the output, the tokens of every call, the strategies tried, tool calls and cost', () => {
    const outcome: StepOutcome = { status: 'completed', output: 'Option B', ...report };
    expect(stepEventOf(step, outcome)).toEqual({
      kind: 'completed',
      payload: {
        runId: 'run-1',
        sessionId: 'session-1',
        stepId: 'run-1:s2:1',
        output: 'Option B',
        tokensUsed: { inputTokens: 120n, outputTokens: 30n, totalTokens: 150n },
        modelUsed: 'claude-x',
        strategy: 'direct',
        strategiesTried: ['react', 'direct'],
        toolCalls: 2,
        costUsd: 0.0042,
      },
    });
  });

  it('given a failed outcome, when reported, then StepFailed carries the code, message, retryability and the tokens spent', () => {
    const outcome: StepOutcome = { status: 'failed', errorCode: 'CTX_003', message: 'run token budget exceeded', retryable: false, ...report };
    expect(stepEventOf(step, outcome)).toEqual({
      kind: 'failed',
      payload: {
        runId: 'run-1',
        sessionId: 'session-1',
        stepId: 'run-1:s2:1',
        errorCode: 'CTX_003',
        message: 'run token budget exceeded',
        tokensUsed: { inputTokens: 120n, outputTokens: 30n, totalTokens: 150n },
        retryable: false,
        modelUsed: 'claude-x',
      },
    });
  });
});
