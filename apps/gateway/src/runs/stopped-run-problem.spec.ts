import { create } from '@bufbuild/protobuf';
import { RunCancelledSchema, RunCompletedSchema, RunFailedSchema } from '@sigil/schemas';
import { stoppedRunProblem } from './stopped-run-problem';

const FINISHED_STEP = { stepId: 'research', title: 'Research', status: 'completed', output: 'found it' };
const PARTIAL_RESULTS = [{ id: 'research', title: 'Research', status: 'completed', output: 'found it', error: null }];

const cancelled = (errorCode: string, reason = '') =>
  ({ status: 'cancelled', event: create(RunCancelledSchema, { runId: 'r1', sessionId: 's1', errorCode, reason, partialResults: [FINISHED_STEP] }) }) as const;
const failed = (errorCode: string, message: string) =>
  ({ status: 'failed', event: create(RunFailedSchema, { runId: 'r1', sessionId: 's1', errorCode, message, partialResults: [FINISHED_STEP] }) }) as const;

describe('a run that stopped without a result', () => {
  it('given a run cancelled on request, when answered, then it is a 409 RUN_004 with the reason and the finished steps', () => {
    expect(stoppedRunProblem(cancelled('RUN_004', 'no longer needed'))?.problem).toMatchObject({
      status: 409,
      title: 'RunCancelledError',
      errorCode: 'RUN_004',
      detail: "Run 'r1' was cancelled: no longer needed",
      extensions: { run_id: 'r1', partial_results: PARTIAL_RESULTS },
    });
  });

  it('given a run stopped at its deadline, when answered, then it is a 504 RUN_005 whose hint is config.timeout_ms', () => {
    const problem = stoppedRunProblem(cancelled('RUN_005'))?.problem;
    expect(problem).toMatchObject({ status: 504, title: 'RunDeadlineExceededError', errorCode: 'RUN_005', extensions: { run_id: 'r1', partial_results: PARTIAL_RESULTS } });
    expect(problem?.recoveryHints?.[0]).toContain('config.timeout_ms');
  });

  it('given a run failed at its token budget, when answered, then it is a 422 CTX_003 (not the tenant’s 429) whose hint is config.max_total_tokens', () => {
    const problem = stoppedRunProblem(failed('CTX_003', 'the next call needs 9000 tokens, 2000 are left'))?.problem;
    expect(problem).toMatchObject({
      status: 422,
      errorCode: 'CTX_003',
      detail: "Run 'r1' was stopped at its token budget: the next call needs 9000 tokens, 2000 are left",
      extensions: { run_id: 'r1', partial_results: PARTIAL_RESULTS },
    });
    expect(problem?.recoveryHints?.[0]).toContain('config.max_total_tokens');
  });

  it('given a run failed for another reason, a completed one or a wait that ran out, when answered, then none is a stop', () => {
    expect(stoppedRunProblem(failed('PLAN_001', 'cycle a -> b -> a'))).toBeUndefined();
    expect(stoppedRunProblem({ status: 'completed', event: create(RunCompletedSchema, { runId: 'r1' }) })).toBeUndefined();
    expect(stoppedRunProblem({ status: 'timeout' })).toBeUndefined();
  });
});
