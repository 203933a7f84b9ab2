import { pendingRunView } from './accepted-runs';

describe('accepted runs', () => {
  it('given a run the gateway accepted, when shown before the planner has it, then it is an accepted run with its limits', () => {
    const view = pendingRunView({
      runId: 'r1',
      sessionId: 's1',
      tenantId: 't1',
      agentName: 'helper',
      agentVersion: 2,
      requestId: 'req-1',
      acceptedAtMs: Date.UTC(2026, 10, 21, 8, 0, 0),
      maxTotalTokens: 256_000,
      deadlineMs: Date.UTC(2026, 10, 21, 8, 5, 0),
    });
    expect(view).toMatchObject({
      runId: 'r1',
      sessionId: 's1',
      agentName: 'helper',
      agentVersion: 2,
      status: 'accepted',
      requestId: 'req-1',
      createdAt: '2026-11-21T08:00:00.000Z',
      maxTotalTokens: 256_000n,
      deadlineAt: '2026-11-21T08:05:00.000Z',
      response: '',
    });
  });

  it('given a run without a deadline, when shown, then it has no deadline', () => {
    const view = pendingRunView({ runId: 'r', sessionId: 's', tenantId: 't', agentName: 'a', agentVersion: 1, requestId: 'q', acceptedAtMs: 0, maxTotalTokens: 1, deadlineMs: 0 });
    expect(view.deadlineAt).toBe('');
  });
});
