import { initialRunState, type RunState } from '@sigil/planning';
import { finishedAt, toRunPlanView, toRunView } from './run-view';

const createdAt = new Date('2026-01-02T03:04:05.678Z');
const requested: RunState = {
  ...initialRunState('run-1', 'session-1'),
  status: 'validating',
  request: {
    input: 'hi',
    agent: { name: 'helper', version: 4, systemPrompt: '', stratum: 'RTI' },
    requestedAtMs: 1_000,
    requestId: 'req-1',
    maxTotalTokens: 5_000,
    deadlineMs: 1_767_323_100_000,
    history: [],
    contractOverride: false,
  },
  plan: {
    goal: 'hi',
    steps: [
      { id: 's1', title: 'Look up', type: 'memory_op', instruction: 'Search', dependsOn: [], onFailure: 'skip', maxRetries: 0, toolName: 'memory_search', toolInput: { query: 'x' }, status: 'skipped', attempts: 1, failures: 1, stepId: 'run-1:s1:1', error: { code: 'RSN_002', message: 'tool failed' } },
      { id: 's2', title: 'Answer', type: 'reasoning', instruction: 'Answer', dependsOn: ['s1'], onFailure: 'retry', maxRetries: 1, status: 'completed', attempts: 1, failures: 0, stepId: 'run-1:s2:1' },
    ],
    finalStepId: 's2',
    replans: 0,
    cached: true,
    planned: true,
  },
  steps: [
    { stepId: 'run-1:plan:1', planStepId: 'plan', attempt: 1, kind: 'plan', strategy: 'direct', status: 'completed', output: '{}', tokens: { inputTokens: 1, outputTokens: 1 }, model: 'planner-model', dropped: [] },
    { stepId: 'run-1:s1:1', planStepId: 's1', attempt: 1, kind: 'memory_op', strategy: 'direct', status: 'failed', tokens: { inputTokens: 0, outputTokens: 0 }, dropped: [] },
    { stepId: 'run-1:s2:1', planStepId: 's2', attempt: 1, kind: 'reasoning', strategy: 'direct', status: 'completed', output: 'hello', tokens: { inputTokens: 5, outputTokens: 2 }, model: 'm', dropped: [] },
  ],
  validations: 1,
  finishedAtMs: 1_767_323_045_000,
};

describe('run view', () => {
  it('given a run still validating, when viewed, then it is running with the agent version, its creation time, budget, deadline and steps', () => {
    const view = toRunView({ state: requested, createdAt });
    expect(view).toMatchObject({
      status: 'running',
      agentVersion: 4,
      createdAt: '2026-01-02T03:04:05.678Z',
      completedAt: '',
      modelUsed: 'm',
      attempts: 1,
      maxTotalTokens: 5_000n,
      deadlineAt: '2026-01-02T03:05:00.000Z',
      tokensUsed: { inputTokens: 6n, outputTokens: 3n, totalTokens: 9n },
    });
    expect(view.steps).toEqual([
      { stepId: 's1', title: 'Look up', status: 'skipped', output: '', error: 'RSN_002: tool failed' },
      { stepId: 's2', title: 'Answer', status: 'completed', output: 'hello', error: '' },
    ]);
    expect(finishedAt(requested)).toBeUndefined();
  });

  it('given a completed run, when viewed, then completed_at is its finish time in RFC 3339', () => {
    const completed: RunState = { ...requested, status: 'completed', result: { response: 'hello', appliedStrategy: 'success' } };
    expect(toRunView({ state: completed, createdAt })).toMatchObject({ status: 'completed', response: 'hello', completedAt: '2026-01-02T03:04:05.000Z' });
    expect(finishedAt(completed)).toEqual(new Date('2026-01-02T03:04:05.000Z'));
  });

  it('given a cancelled run, when viewed, then it is cancelled with its code, reason and finish time', () => {
    const cancelled: RunState = { ...requested, status: 'cancelled', error: { code: 'RUN_004', message: 'stop' } };
    expect(toRunView({ state: cancelled, createdAt })).toMatchObject({ status: 'cancelled', response: '', errorCode: 'RUN_004', errorMessage: 'stop', completedAt: '2026-01-02T03:04:05.000Z' });
  });

  it('given a run being planned, when viewed, then it is running', () => {
    expect(toRunView({ state: { ...requested, status: 'planning' }, createdAt }).status).toBe('running');
  });

  it('given a run stored before versions were kept, when viewed, then its agent version is 0', () => {
    const legacy = { ...requested, request: { ...requested.request, agent: { name: 'helper', systemPrompt: '', stratum: 'RTI' } } } as unknown as RunState;
    expect(toRunView({ state: legacy, createdAt }).agentVersion).toBe(0);
  });

  it('given a run with a plan, when its plan is viewed, then every step shows its type, dependencies, policy, tool, attempts and outcome', () => {
    expect(toRunPlanView(requested)).toEqual({
      runId: 'run-1',
      goal: 'hi',
      replans: 0,
      cached: true,
      steps: [
        {
          stepId: 's1',
          title: 'Look up',
          status: 'skipped',
          output: '',
          error: 'RSN_002: tool failed',
          type: 'memory_op',
          dependsOn: [],
          onFailure: 'skip',
          attempts: 1,
          toolName: 'memory_search',
          toolInputJson: '{"query":"x"}',
          instruction: 'Search',
        },
        { stepId: 's2', title: 'Answer', status: 'completed', output: 'hello', error: '', type: 'reasoning', dependsOn: ['s1'], onFailure: 'retry', attempts: 1, toolName: '', toolInputJson: '', instruction: 'Answer' },
      ],
    });
  });
});
