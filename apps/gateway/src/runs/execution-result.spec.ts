import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { RunViewSchema } from '@sigil/schemas';
import { executionFailure, executionResult } from './execution-result';

const run = (fields: Omit<MessageInitShape<typeof RunViewSchema>, '$typeName'>) =>
  create(RunViewSchema, {
    runId: 'r1',
    status: 'completed',
    response: '{"score":75}',
    attempts: 1,
    appliedStrategy: 'success',
    contractName: 'lead_qualification',
    modelUsed: 'sigil-local-deterministic',
    latencyMs: 40n,
    tokensUsed: { inputTokens: 100n, outputTokens: 20n, totalTokens: 120n },
    ...fields,
  });

describe('execution result', () => {
  it('given a run that passed its contract first time, when shown, then the output is the parsed JSON and valid', () => {
    expect(executionResult(run({}))).toEqual({
      run_id: 'r1',
      status: 'completed',
      output: { score: 75 },
      is_valid: true,
      attempts: 1,
      tokens_used: 120,
      applied_strategy: 'success',
      validation_result: { is_valid: true, errors: [] },
      metadata: { contract: 'lead_qualification', execution_time_ms: 40, model_used: 'sigil-local-deterministic', retries_performed: 0 },
    });
  });

  it('given a run repaired by fallback after retries, when shown, then it is not valid, names the strategy and keeps the errors', () => {
    const result = executionResult(run({ appliedStrategy: 'fallback', attempts: 3, contractErrors: ['verdict is required but missing'] }));
    expect(result).toMatchObject({ is_valid: false, applied_strategy: 'fallback', attempts: 3, validation_result: { is_valid: false, errors: ['verdict is required but missing'] } });
    expect(result.metadata.retries_performed).toBe(2);
  });

  it('given an escalated run, when shown, then there is no output yet and the review link is given', () => {
    expect(executionResult(run({ status: 'escalated', response: '', appliedStrategy: '', contractErrors: ['score must be int, not str'] }))).toMatchObject({
      output: null,
      applied_strategy: 'escalate',
      review: { reasons: ['score must be int, not str'], links: { review: '/v7/runs/r1/review' } },
    });
  });

  it('given a run failed by the fail strategy, when reported, then it is a 422 CV-008 naming the run and the errors', () => {
    const problem = executionFailure(run({ status: 'failed', errorCode: 'CV-008', errorMessage: 'score must be int, not str' })).problem;
    expect(problem).toMatchObject({ status: 422, errorCode: 'CV-008', title: 'ContractViolationError', detail: 'Run r1: score must be int, not str' });
  });

  it('given a run failed because its named contract does not exist, when reported, then it is a 404 CV-004', () => {
    expect(executionFailure(run({ status: 'failed', errorCode: 'CV-004', errorMessage: "contract 'nope' not found" })).problem).toMatchObject({ status: 404, errorCode: 'CV-004' });
  });

  it.each([
    ['PLAN_001', 422, 'PlanRejectedError'],
    ['CTX_004', 422, 'ContextOverflowError'],
    ['RSN_001', 502, 'ReasoningFailedError'],
    ['LLM_001', 503, 'ModelUnavailableError'],
    ['XYZ_999', 500, 'ContractExecutionError'],
  ])('given a run failed with %s, when reported, then it is a %i %s carrying that code', (errorCode, status, title) => {
    expect(executionFailure(run({ status: 'failed', errorCode, errorMessage: 'stopped' })).problem).toMatchObject({ status, title, errorCode });
  });
});
