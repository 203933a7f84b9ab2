import { decide } from './run-saga';
import type { RunFact } from './run-state';
import { completed, failed, given, noContract, planningRun, requested, routed, routedComplex, runningPlan, verdict, when, WIDE_PLAN, withContract } from './testing/run-facts';

const cancelRequested = (atMs = 1_500): RunFact => ({ type: 'cancel_requested', reason: 'user changed their mind', atMs });
const deadlinePassed = (atMs: number): RunFact => ({ type: 'deadline_passed', atMs });

describe('run saga: cancellation and deadline', () => {
  it('given a run with steps in flight, when cancellation is requested, then it is cancelled (RUN_004) with the finished steps and nothing more goes out', () => {
    const withA = when(runningPlan(...WIDE_PLAN).state, completed('run-1:a:1', 'A')).state;
    const { state, commands } = when(withA, cancelRequested());
    expect(commands).toEqual([
      {
        type: 'cancel',
        errorCode: 'RUN_004',
        reason: 'user changed their mind',
        tokens: { inputTokens: 10, outputTokens: 4 },
        latencyMs: 500,
        partialResults: [
          { stepId: 'a', title: 'Step a', status: 'completed', output: 'A', error: '' },
          { stepId: 'b', title: 'Step b', status: 'cancelled', output: '', error: '' },
          { stepId: 'c', title: 'Step c', status: 'cancelled', output: '', error: '' },
          { stepId: 'd', title: 'Step d', status: 'cancelled', output: '', error: '' },
          { stepId: 'e', title: 'Step e', status: 'cancelled', output: '', error: '' },
        ],
      },
    ]);
    expect(state.status).toBe('cancelled');
    expect(state.error).toEqual({ code: 'RUN_004', message: 'user changed their mind' });
  });

  it('given a cancelled run, when late step results arrive, then they are ignored', () => {
    const cancelled = when(runningPlan(...WIDE_PLAN).state, cancelRequested()).state;
    for (const id of ['a', 'b', 'c', 'd']) expect(when(cancelled, completed(`run-1:${id}:1`, id))).toEqual({ state: cancelled, commands: [] });
  });

  it('given a run being planned, when cancelled, then the plan call is abandoned and its answer ignored', () => {
    const cancelled = when(planningRun(), cancelRequested()).state;
    expect(cancelled.steps.map((attempt) => attempt.status)).toEqual(['cancelled']);
    expect(when(cancelled, completed('run-1:plan:1', '{"steps": []}')).commands).toEqual([]);
  });

  it('given a run past its deadline, when the deadline fact arrives, then it is cancelled with RUN_005', () => {
    const running = decide(given(requested({ deadlineMs: 2_000 }), routed(), noContract)).state;
    const { state, commands } = when(running, deadlinePassed(2_001));
    expect(commands).toMatchObject([{ type: 'cancel', errorCode: 'RUN_005', reason: 'deadline passed (1970-01-01T00:00:02.000Z)', latencyMs: 1_001 }]);
    expect(state.finishedAtMs).toBe(2_001);
  });

  it('given a step aborted by reasoning at the deadline, when its failure arrives before the sweeper, then the run stops for its deadline (RUN_005)', () => {
    const running = decide(given(requested({ deadlineMs: 2_000 }), routed(), noContract)).state;
    const { state, commands } = when(running, failed('run-1:answer:1', 'RSN_003', false, 2_000));
    expect(commands).toMatchObject([{ type: 'cancel', errorCode: 'RUN_005' }]);
    expect(state.status).toBe('cancelled');
  });

  it('given a step that fails before the deadline, when its failure arrives, then its own policy applies, not the deadline', () => {
    const running = decide(given(requested({ deadlineMs: 2_000 }), routed(), noContract)).state;
    expect(when(running, failed('run-1:answer:1', 'RSN_002', false, 1_999)).commands).toMatchObject([{ type: 'fail', errorCode: 'RSN_002' }]);
  });

  it('given a deadline fact before the deadline or for a run without one, when it arrives, then nothing happens', () => {
    const running = decide(given(requested({ deadlineMs: 2_000 }), routed(), noContract)).state;
    expect(when(running, deadlinePassed(1_999)).commands).toEqual([]);
    const noDeadline = decide(given(requested(), routed(), noContract)).state;
    expect(when(noDeadline, deadlinePassed(99_999)).commands).toEqual([]);
  });

  it('given a run still gathering, when cancelled, then it is cancelled with no steps', () => {
    expect(when(given(requested(), routedComplex()), cancelRequested()).commands).toMatchObject([{ type: 'cancel', errorCode: 'RUN_004', partialResults: [] }]);
  });

  it('given a finished run, when cancellation or the deadline arrives, then nothing changes', () => {
    const validating = when(decide(given(requested({ deadlineMs: 2_000 }), routed(), noContract)).state, completed('run-1:answer:1', 'hi')).state;
    const done = when(validating, verdict(1, 'success')).state;
    expect(when(done, cancelRequested())).toEqual({ state: done, commands: [] });
    expect(when(done, deadlinePassed(3_000))).toEqual({ state: done, commands: [] });
  });

  it('given a run waiting for review, when its deadline passes, then it keeps waiting; a cancel request still stops it', () => {
    const validating = when(decide(given(requested({ deadlineMs: 2_000 }), routed(), withContract('escalate'))).state, completed('run-1:answer:1', 'x')).state;
    const escalated = when(validating, verdict(1, 'escalate')).state;
    expect(when(escalated, deadlinePassed(3_000)).commands).toEqual([]);
    expect(when(escalated, cancelRequested(3_000)).commands).toMatchObject([{ type: 'cancel', errorCode: 'RUN_004' }]);
  });

  it('given a cancel request without a reason, when applied, then the reason says it was cancelled on request', () => {
    expect(when(runningPlan(...WIDE_PLAN).state, { type: 'cancel_requested', reason: '', atMs: 1_500 }).commands).toMatchObject([{ reason: 'cancelled on request' }]);
  });
});
