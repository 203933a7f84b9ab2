import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { RunCompletedSchema, RunViewSchema } from '@sigil/schemas';
import { completedRunFacts, runResponse } from './run-response';

const DEADLINE_MS = Date.parse('2026-03-01T12:05:00.000Z');

const STEPS = [
  { stepId: 'research', title: 'Research the market', status: 'completed', output: 'Nordic demand is high' },
  { stepId: 'decide', title: 'Decide', status: 'cancelled', output: '', error: '' },
];

const run = (fields: Omit<MessageInitShape<typeof RunViewSchema>, '$typeName'>) =>
  create(RunViewSchema, {
    runId: 'r1',
    sessionId: 's1',
    agentName: 'helper',
    status: 'completed',
    response: 'done',
    requestId: 'req-1',
    modelUsed: 'sigil-local-deterministic',
    latencyMs: 40n,
    attempts: 1,
    tokensUsed: { inputTokens: 100n, outputTokens: 20n, totalTokens: 120n },
    maxTotalTokens: 256_000n,
    deadlineAt: '2026-03-01T12:05:00.000Z',
    ...fields,
  });

describe('the run response', () => {
  it('given a completed run, when shown, then it has its steps, its budget and its deadline', () => {
    expect(runResponse(run({ steps: [STEPS[0]] }))).toMatchObject({
      status: 'completed',
      response: 'done',
      steps: [{ id: 'research', title: 'Research the market', status: 'completed', output: 'Nordic demand is high', error: null }],
      max_total_tokens: 256_000,
      deadline_at: '2026-03-01T12:05:00.000Z',
      metadata: { model_used: 'sigil-local-deterministic', tokens_used: { total_tokens: 120 } },
    });
  });

  it('given a cancelled run, when shown, then there is no response, the error names RUN_004 and the finished steps are kept', () => {
    const body = runResponse(run({ status: 'cancelled', errorCode: 'RUN_004', errorMessage: 'no longer needed', steps: STEPS }));
    expect(body).toMatchObject({ status: 'cancelled', response: null, error: { error_code: 'RUN_004', message: 'no longer needed' } });
    expect(body.steps.map((step) => [step.id, step.status, step.output])).toEqual([
      ['research', 'completed', 'Nordic demand is high'],
      ['decide', 'cancelled', null],
    ]);
  });

  it('given a run stopped at its deadline, when shown, then the error names RUN_005', () => {
    expect(runResponse(run({ status: 'cancelled', errorCode: 'RUN_005', errorMessage: 'deadline passed' })).error).toEqual({ error_code: 'RUN_005', message: 'deadline passed' });
  });

  it('given a run from before budgets and deadlines, when shown, then both are null', () => {
    expect(runResponse(run({ maxTotalTokens: 0n, deadlineAt: '' }))).toMatchObject({ steps: [], max_total_tokens: null, deadline_at: null });
  });

  it('given the completion event a request waited for, when shown, then it matches the run as the planner reports it', () => {
    const event = create(RunCompletedSchema, {
      runId: 'r1',
      sessionId: 's1',
      response: 'done',
      modelUsed: 'sigil-local-deterministic',
      latencyMs: 40n,
      attempts: 1,
      tokensUsed: { inputTokens: 100n, outputTokens: 20n, totalTokens: 120n },
      steps: [STEPS[0]],
    });
    const fromEvent = runResponse(completedRunFacts(event, 'helper', 'req-1', { maxTotalTokens: 256_000, deadlineMs: DEADLINE_MS }));
    expect(fromEvent).toEqual(runResponse(run({ steps: [STEPS[0]] })));
  });
});
