import { initialRunState, type RunState } from '@sigil/planning';
import { finishedAt, toRunView } from './run-view';

const createdAt = new Date('2026-01-02T03:04:05.678Z');
const requested: RunState = {
  ...initialRunState('run-1', 'session-1'),
  status: 'validating',
  request: { input: 'hi', agent: { name: 'helper', version: 4, systemPrompt: '', stratum: 'RTI' }, requestedAtMs: 1_000, requestId: 'req-1' },
  steps: [{ stepId: 'run-1:1', prompt: 'hi', strategy: 'direct', status: 'completed', output: 'hello', tokens: { inputTokens: 5, outputTokens: 2 }, model: 'm' }],
  finishedAtMs: 1_767_323_045_000,
};

describe('run view', () => {
  it('given a run still validating, when viewed, then it is running with the agent version, its creation time and no completion time', () => {
    const view = toRunView({ state: requested, createdAt });
    expect(view).toMatchObject({ status: 'running', agentVersion: 4, createdAt: '2026-01-02T03:04:05.678Z', completedAt: '' });
    expect(finishedAt(requested)).toBeUndefined();
  });

  it('given a completed run, when viewed, then completed_at is its finish time in RFC 3339', () => {
    const completed: RunState = { ...requested, status: 'completed' };
    expect(toRunView({ state: completed, createdAt })).toMatchObject({ status: 'completed', response: 'hello', completedAt: '2026-01-02T03:04:05.000Z' });
    expect(finishedAt(completed)).toEqual(new Date('2026-01-02T03:04:05.000Z'));
  });

  it('given a run stored before versions were kept, when viewed, then its agent version is 0', () => {
    const legacy = { ...requested, request: { ...requested.request, agent: { name: 'helper', systemPrompt: '', stratum: 'RTI' } } } as unknown as RunState;
    expect(toRunView({ state: legacy, createdAt }).agentVersion).toBe(0);
  });
});
