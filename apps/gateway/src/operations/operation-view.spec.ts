import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { RunViewSchema } from '@sigil/schemas';
import { operationView } from './operation-view';

const run = (fields: Omit<MessageInitShape<typeof RunViewSchema>, '$typeName'>) => create(RunViewSchema, { runId: 'r1', createdAt: '2026-03-01T12:00:00.000Z', ...fields });

describe('the operation of a run', () => {
  it('given a running run, when shown, then it is not done', () => {
    expect(operationView(run({ status: 'running' }))).toMatchObject({ status: 'running', done: false, result: null, error: null });
  });

  it('given an escalated run, when shown, then it awaits review and is not done', () => {
    expect(operationView(run({ status: 'escalated' }))).toMatchObject({ status: 'awaiting_review', done: false });
  });

  it('given a completed run, when shown, then it is done with the run as its result', () => {
    expect(operationView(run({ status: 'completed', response: 'hi' }))).toMatchObject({ status: 'completed', done: true, result: { run_id: 'r1', response: 'hi' }, error: null });
  });

  it.each([
    ['failed', 'CTX_003', 'token budget exceeded'],
    ['cancelled', 'RUN_004', 'cancelled on request'],
    ['cancelled', 'RUN_005', 'deadline passed'],
  ])('given a %s run (%s), when shown, then it is done without a result and with its error', (status, errorCode, errorMessage) => {
    expect(operationView(run({ status, errorCode, errorMessage, completedAt: '2026-03-01T12:01:00.000Z' }))).toEqual({
      operation_id: 'r1',
      kind: 'agent_run',
      status,
      done: true,
      created_at: '2026-03-01T12:00:00.000Z',
      completed_at: '2026-03-01T12:01:00.000Z',
      result: null,
      error: { error_code: errorCode, message: errorMessage },
      links: { run: '/v7/runs/r1' },
    });
  });
});
