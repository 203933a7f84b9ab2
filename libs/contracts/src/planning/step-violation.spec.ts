import { decideStepViolation } from './step-violation';

describe('step contract violations', () => {
  it('given an optional step, when its contract is violated, then it is skipped even under a fail contract', () => {
    expect(decideStepViolation({ optional: true, runFailureStrategy: 'fail', replansUsed: 0, maxReplans: 2 })).toEqual({ action: 'skip', reason: 'the step is optional' });
  });

  it('given a required step under a fail run contract, when violated, then the run aborts', () => {
    expect(decideStepViolation({ optional: false, runFailureStrategy: 'fail', replansUsed: 0, maxReplans: 2 })).toEqual({ action: 'abort', reason: 'the run contract uses the fail strategy' });
  });

  it('given a required step with replans left, when violated, then the planner replans', () => {
    expect(decideStepViolation({ optional: false, runFailureStrategy: 'retry', replansUsed: 1, maxReplans: 2 })).toEqual({ action: 'replan', reason: 'replan 2 of 2' });
  });

  it('given a required step with no replans left, when violated, then the run aborts', () => {
    expect(decideStepViolation({ optional: false, runFailureStrategy: 'fallback', replansUsed: 2, maxReplans: 2 })).toEqual({ action: 'abort', reason: 'no replans left (2 used)' });
  });
});
