import { readPlanningPrompt } from '@sigil/plans';
import type { RunState } from './run-state';
import { failureAction } from './step-failure';
import { after, completed, dispatches, failed, ofType, planStep, planText, runningPlan, stepIdsOf, when } from './testing/run-facts';

const retryable = { code: 'LLM_001', message: 'provider unavailable', retryable: true };

describe('step failure policy', () => {
  it('given a retryable failure within maxRetries, when judged, then the step is retried whatever its policy', () => {
    expect(failureAction({ failures: 1, maxRetries: 1, onFailure: 'skip' }, retryable)).toBe('retry');
  });

  it.each([
    ['retry', 'abort'],
    ['skip', 'skip'],
    ['replan', 'replan'],
    ['abort', 'abort'],
  ] as const)('given retries spent, when a step with policy %s fails, then the action is %s', (onFailure, action) => {
    expect(failureAction({ failures: 2, maxRetries: 1, onFailure }, retryable)).toBe(action);
  });

  it('given a failure that is not retryable, when judged, then the policy applies at once', () => {
    expect(failureAction({ failures: 1, maxRetries: 3, onFailure: 'replan' }, { ...retryable, retryable: false })).toBe('replan');
  });

  it('given the budget is spent (CTX_003), when judged, then the run is aborted whatever the policy', () => {
    expect(failureAction({ failures: 1, maxRetries: 3, onFailure: 'skip' }, { code: 'CTX_003', message: 'over budget', retryable: true })).toBe('abort');
  });
});

describe('run saga: failed steps', () => {
  /** a and b in parallel, c after both. */
  const plan = (onFailure: 'retry' | 'skip' | 'replan' | 'abort', maxRetries = 1) => runningPlan(planStep('a'), planStep('b', [], { onFailure, maxRetries }), planStep('c', ['a', 'b'])).state;

  it('given a retryable failure, when deciding, then the step is dispatched again as its next attempt; a second failure aborts the run', () => {
    const retried = when(plan('retry'), failed('run-1:b:1', 'LLM_001', true));
    expect(stepIdsOf(retried.commands)).toEqual(['run-1:b:2']);
    const { state, commands } = when(retried.state, failed('run-1:b:2', 'LLM_001', true));
    expect(ofType(commands, 'fail')).toMatchObject([{ errorCode: 'LLM_001', message: "step 'b' failed: LLM_001 LLM_001 happened" }]);
    expect(state.status).toBe('failed');
  });

  it('given a skip policy, when the step fails for good, then it is skipped and its dependent runs knowing it was skipped', () => {
    const skipped = when(plan('skip', 0), failed('run-1:b:1', 'RSN_002', false));
    expect(skipped.commands).toEqual([]);
    const { commands } = when(skipped.state, completed('run-1:a:1', 'A'));
    const [dependent] = dispatches(commands);
    expect(dependent.stepId).toBe('run-1:c:1');
    expect(dependent.prompt).toContain('step b: Step b (skipped, no output)');
    expect(dependent.prompt).toContain('A');
  });

  it('given an abort policy, when the step fails, then the run fails with its code, finished steps kept as partial results', () => {
    const withA = when(plan('abort', 0), completed('run-1:a:1', 'A')).state;
    const { state, commands } = when(withA, failed('run-1:b:1', 'RSN_001', false, 1_900));
    expect(commands).toEqual([
      {
        type: 'fail',
        errorCode: 'RSN_001',
        message: "step 'b' failed: RSN_001 RSN_001 happened",
        tokens: { inputTokens: 15, outputTokens: 6 },
        latencyMs: 900,
        partialResults: [
          { stepId: 'a', title: 'Step a', status: 'completed', output: 'A', error: '' },
          { stepId: 'b', title: 'Step b', status: 'failed', output: '', error: 'RSN_001: RSN_001 happened' },
          { stepId: 'c', title: 'Step c', status: 'cancelled', output: '', error: '' },
        ],
      },
    ]);
    expect(when(state, completed('run-1:a:1', 'A')).commands).toEqual([]);
  });

  it('given a CTX_003 failure of a skippable step, when deciding, then the run fails with CTX_003', () => {
    expect(ofType(when(plan('skip', 3), failed('run-1:b:1', 'CTX_003', false)).commands, 'fail')).toMatchObject([{ errorCode: 'CTX_003' }]);
  });

  it('given a failed step that may be skipped but is the final one, when it fails, then the run fails: it has no answer without it', () => {
    const { state } = runningPlan(planStep('a', [], { onFailure: 'skip', maxRetries: 0 }));
    expect(ofType(when(state, failed('run-1:a:1', 'RSN_001', false)).commands, 'fail')).toMatchObject([{ errorCode: 'RSN_001' }]);
  });

  describe('replan', () => {
    const replanned = (state: RunState) => when(state, completed('run-1:plan:2', planText(planStep('b2', ['a']), planStep('c', ['b2']))));

    it('given a replan policy, when the step fails while another runs, then the replan waits for it; then a plan step asks to plan the rest', () => {
      const waiting = when(plan('replan', 0), failed('run-1:b:1', 'RSN_002', false));
      expect(waiting.commands).toEqual([]);
      const { state, commands } = when(waiting.state, completed('run-1:a:1', 'A'));
      const [call] = dispatches(commands);
      expect(call.stepId).toBe('run-1:plan:2');
      expect(readPlanningPrompt(call.prompt)).toEqual({ goal: 'hello', completed: ['a'], failedStepId: 'b' });
      expect(state.status).toBe('planning');
    });

    it('given the replan, when adopted, then completed steps are kept, new steps may depend on them, and the plan is announced as replanned', () => {
      const planning = after(plan('replan', 0), failed('run-1:b:1', 'RSN_002', false), completed('run-1:a:1', 'A')).state;
      const { state, commands } = replanned(planning);
      expect(ofType(commands, 'announce_plan')).toMatchObject([{ version: 1, plan: { replans: 1 } }]);
      expect(ofType(commands, 'cache_plan')).toEqual([]);
      expect(state.plan?.steps.map((step) => [step.id, step.status])).toEqual([
        ['a', 'completed'],
        ['b2', 'dispatched'],
        ['c', 'pending'],
      ]);
      const done = when(state, completed('run-1:b2:1', 'B2'));
      expect(stepIdsOf(done.commands)).toEqual(['run-1:c:1']);
      expect(done.state.plan?.finalStepId).toBe('c');
    });

    it('given a replan that takes up the failed step id again, when dispatched, then its attempts count on so its step id is new', () => {
      const planning = after(plan('replan', 0), failed('run-1:b:1', 'RSN_002', false), completed('run-1:a:1', 'A')).state;
      const { commands } = when(planning, completed('run-1:plan:2', planText(planStep('b', ['a']), planStep('c', ['b']))));
      expect(stepIdsOf(commands)).toEqual(['run-1:b:2']);
    });

    it('given a replan whose steps depend on a failed step, when answered, then it is refused like any plan (PLAN_002) and planning is asked again', () => {
      const planning = after(plan('replan', 0), failed('run-1:b:1', 'RSN_002', false), completed('run-1:a:1', 'A')).state;
      const { commands } = when(planning, completed('run-1:plan:2', planText(planStep('c', ['b']))));
      const [again] = dispatches(commands);
      expect(again.stepId).toBe('run-1:plan:3');
      expect(again.prompt).toContain("YOUR PREVIOUS PLAN WAS REFUSED: step 'c' depends on 'b', which is not in the plan");
    });

    it('given two replans done, when a step fails with replan again, then the run fails with its code and keeps what is done', () => {
      const replanPlan = (id: string) => planText(planStep(id, ['a'], { onFailure: 'replan', maxRetries: 0 }));
      let state = after(plan('replan', 0), completed('run-1:a:1', 'A'), failed('run-1:b:1', 'RSN_002', false)).state;
      state = after(state, completed('run-1:plan:2', replanPlan('x')), failed('run-1:x:1', 'RSN_002', false)).state;
      state = after(state, completed('run-1:plan:3', replanPlan('y'))).state;
      expect(state.plan?.replans).toBe(2);
      const { commands } = when(state, failed('run-1:y:1', 'RSN_002', false));
      expect(ofType(commands, 'fail')).toMatchObject([
        { errorCode: 'RSN_002', message: "step 'y' failed: RSN_002 RSN_002 happened (no replan left after 2)", partialResults: [{ stepId: 'a', status: 'completed', output: 'A' }, { stepId: 'y', status: 'failed' }] },
      ]);
    });
  });
});
