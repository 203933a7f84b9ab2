import { fenceUntrusted } from '@sigil/context';
import { decide } from './run-saga';
import type { RunState } from './run-state';
import { completed, dispatches, given, noContract, requested, routed, tokens, verdict, when, withContract } from './testing/run-facts';

/** The outcome of the one step of simple work, done with the output. */
const answered = (output: string) => [{ stepId: 'answer', title: 'Answer', status: 'completed', output, error: '' }];

/** A run with a contract whose first attempt's output is being validated. */
const validatingFirstAttempt = (failureStrategy: string) =>
  when(decide(given(requested(), routed(), withContract(failureStrategy))).state, completed('run-1:answer:1', '{"score":"high"}')).state;

describe('run saga: simple work and its contract', () => {
  it('given the request, when evolving, then the agent snapshot is kept with its version, budget, deadline and history', () => {
    const history = [{ input: 'earlier', response: 'answer' }];
    expect(given(requested({ maxTotalTokens: 500, deadlineMs: 9_000, history })).request).toEqual({
      input: 'hello',
      agent: { name: 'helper', version: 3, systemPrompt: 'Be brief.', stratum: 'RTI' },
      requestedAtMs: 1_000,
      requestId: 'req-1',
      maxTotalTokens: 500,
      deadlineMs: 9_000,
      history,
      contractOverride: false,
    });
  });

  it('given the request, when it is delivered again with other history, then the first snapshot stands', () => {
    expect(given(requested(), requested({ history: [{ input: 'later', response: 'turn' }] })).request?.history).toEqual([]);
  });

  it('given only the request, when deciding, then nothing is dispatched yet', () => {
    expect(decide(given(requested())).commands).toEqual([]);
  });

  it('given request, route and no contract in any order, when deciding, then one step with the fenced task is dispatched once', () => {
    const first = decide(given(noContract, routed(), requested({ deadlineMs: 9_000 })));
    const [dispatch] = dispatches(first.commands);
    expect(first.commands).toHaveLength(1);
    expect(dispatch).toMatchObject({
      stepId: 'run-1:answer:1',
      planStepId: 'answer',
      attempt: 1,
      stepType: 'reasoning',
      strategy: 'direct',
      maxOutputTokens: 1_024,
      runTokenLimit: 100_000,
      deadlineMs: 9_000,
      complexity: 0.1,
    });
    expect(dispatch.system).toContain('Be brief.');
    expect(dispatch.prompt).toContain(fenceUntrusted('user', 'hello'));
    expect(first.state.status).toBe('running');
    expect(decide(first.state).commands).toEqual([]);
  });

  it('given a route with contracts off and a request naming none, when deciding, then the step is dispatched without waiting for selection, and a later "none" changes nothing', () => {
    const first = decide(given(requested(), routed({ useContracts: false })));
    expect(dispatches(first.commands)).toHaveLength(1);
    expect(first.state.contract).toEqual({ name: null, failureStrategy: '', maxRetries: 0, promptContext: '', strategy: '' });
    expect(when(first.state, noContract)).toEqual({ state: first.state, commands: [] });
  });

  it('given a route with contracts off but a request naming a contract, when deciding, then the run waits for the selection', () => {
    expect(decide(given(requested({ contractOverride: true }), routed({ useContracts: false }))).commands).toEqual([]);
  });

  it('given a run stored before the route said whether contracts apply, when deciding, then it waits for the selection', () => {
    const olderRoute = { ...routed() } as Record<string, unknown>;
    delete olderRoute.useContracts;
    expect(decide(given(requested(), olderRoute as ReturnType<typeof routed>)).commands).toEqual([]);
  });

  it("given a contract, when dispatching, then the contract's requirements reach the call on the contract's strategy", () => {
    const [dispatch] = dispatches(decide(given(requested(), routed(), withContract('retry'))).commands);
    expect(dispatch.strategy).toBe('react');
    expect(`${dispatch.system}\n${dispatch.prompt}`).toContain('OUTPUT REQUIREMENTS: score*: int');
  });

  it('given a contract and the step completed, when deciding, then validation of its output is requested for attempt 1 with the task and tokens so far', () => {
    const running = decide(given(requested(), routed(), withContract('retry'))).state;
    expect(when(running, completed('run-1:answer:1', 'hi!')).commands).toEqual([{ type: 'request_validation', output: 'hi!', attempt: 1, task: 'hello', tokens }]);
  });

  it('given a successful verdict, when deciding, then the run completes with tokens, latency, strategy success and its step', () => {
    const validating = when(decide(given(requested(), routed(), withContract('retry'))).state, completed('run-1:answer:1', 'hi!')).state;
    const { state, commands } = when(validating, verdict(1, 'success'));
    expect(commands).toEqual([
      {
        type: 'complete',
        input: 'hello',
        response: 'hi!',
        tokens,
        model: 'm',
        latencyMs: 250,
        appliedStrategy: 'success',
        attempts: 1,
        contractName: 'lead_qualification',
        steps: answered('hi!'),
      },
    ]);
    expect(state.status).toBe('completed');
    expect(decide(state).commands).toEqual([]);
  });

  it('given no contract and the step completed with an answer, when deciding, then the run completes at once, judged by the planner, with no validation asked', () => {
    const running = decide(given(requested(), routed(), noContract)).state;
    const { state, commands } = when(running, completed('run-1:answer:1', 'hi!'));
    expect(commands).toEqual([
      { type: 'complete', input: 'hello', response: 'hi!', tokens, model: 'm', latencyMs: 100, appliedStrategy: 'success', attempts: 1, contractName: '', steps: answered('hi!') },
    ]);
    expect(state.status).toBe('completed');
    expect(decide(state).commands).toEqual([]);
  });

  it('given no contract and an empty answer, when deciding, then the run fails with CV-008 saying the response must not be empty', () => {
    const running = decide(given(requested(), routed(), noContract)).state;
    const { state, commands } = when(running, completed('run-1:answer:1', '  \n'));
    expect(commands).toMatchObject([{ type: 'fail', errorCode: 'CV-008', message: 'the response must not be empty' }]);
    expect(state.status).toBe('failed');
  });

  it('given a retry verdict, when deciding, then the final step runs again as attempt 2 held to the refined requirements, and its success counts both attempts', () => {
    const retried = when(validatingFirstAttempt('retry'), verdict(1, 'retry', { refinedPrompt: 'TASK: hello\n\nPREVIOUS ERRORS: score must be int' }));
    const [again] = dispatches(retried.commands);
    expect(again).toMatchObject({ stepId: 'run-1:answer:2', attempt: 2, strategy: 'react' });
    expect(`${again.system}\n${again.prompt}`).toContain('PREVIOUS ERRORS: score must be int');
    expect(again.system).not.toContain('TASK: hello');
    expect(again.prompt).toContain(fenceUntrusted('user', 'hello'));

    const validatingSecond = when(retried.state, completed('run-1:answer:2', '{"score":80}'));
    expect(validatingSecond.commands).toEqual([{ type: 'request_validation', output: '{"score":80}', attempt: 2, task: 'hello', tokens: { inputTokens: 10, outputTokens: 4 } }]);
    const done = when(validatingSecond.state, verdict(2, 'success'));
    expect(done.commands).toEqual([
      {
        type: 'complete',
        input: 'hello',
        response: '{"score":80}',
        tokens: { inputTokens: 10, outputTokens: 4 },
        model: 'm',
        latencyMs: 250,
        appliedStrategy: 'retry',
        attempts: 2,
        contractName: 'lead_qualification',
        steps: answered('{"score":80}'),
      },
    ]);
  });

  it('given a redelivered verdict of an earlier attempt, when it arrives during the next, then it changes nothing', () => {
    const retried = when(validatingFirstAttempt('retry'), verdict(1, 'retry', { refinedPrompt: 'again' })).state;
    const validatingSecond = when(retried, completed('run-1:answer:2', 'still wrong')).state;
    const stale = when(validatingSecond, verdict(1, 'fail'));
    expect(stale.commands).toEqual([]);
    expect(stale.state.status).toBe('validating');
  });

  it.each(['fallback', 'partial', 'template'])('given a %s verdict with its output, when deciding, then the run completes with that output and says which strategy made it', (decision) => {
    const { state, commands } = when(validatingFirstAttempt(decision), verdict(1, decision, { output: '{"score":0}' }));
    expect(commands).toEqual([
      {
        type: 'complete',
        input: 'hello',
        response: '{"score":0}',
        tokens,
        model: 'm',
        latencyMs: 250,
        appliedStrategy: decision,
        attempts: 1,
        contractName: 'lead_qualification',
        steps: answered('{"score":"high"}'),
      },
    ]);
    expect(state.result).toEqual({ response: '{"score":0}', appliedStrategy: decision });
  });

  it('given an escalate verdict, when deciding, then the run waits for review with the reasons', () => {
    const { state, commands } = when(validatingFirstAttempt('escalate'), verdict(1, 'escalate'));
    expect(commands).toEqual([{ type: 'escalate', output: '{"score":"high"}', reasons: ['score must be int, not str'], tokens }]);
    expect(state.status).toBe('escalated');
    expect(decide(state).commands).toEqual([]);
  });

  it('given an escalated run, when a reviewer approves with a corrected output, then it completes with that output by escalation', () => {
    const escalated = when(validatingFirstAttempt('escalate'), verdict(1, 'escalate')).state;
    const { state, commands } = when(escalated, { type: 'reviewed', approved: true, output: '{"score":70}', note: 'fixed by hand', atMs: 5_000 });
    expect(commands).toEqual([
      {
        type: 'complete',
        input: 'hello',
        response: '{"score":70}',
        tokens,
        model: 'm',
        latencyMs: 4_000,
        appliedStrategy: 'escalate',
        attempts: 1,
        contractName: 'lead_qualification',
        steps: answered('{"score":"high"}'),
      },
    ]);
    expect(when(state, { type: 'reviewed', approved: false, note: 'too late', atMs: 6_000 }).commands).toEqual([]);
  });

  it('given an escalated run, when a reviewer rejects it, then it fails with CV-007 and the reason', () => {
    const escalated = when(validatingFirstAttempt('escalate'), verdict(1, 'escalate')).state;
    expect(when(escalated, { type: 'reviewed', approved: false, note: 'wrong lead', atMs: 5_000 }).commands).toEqual([
      { type: 'fail', errorCode: 'CV-007', message: 'rejected in review: wrong lead', tokens, latencyMs: 4_000, partialResults: answered('{"score":"high"}') },
    ]);
  });

  it('given a run that is not escalated, when a review arrives, then it is ignored', () => {
    const validating = validatingFirstAttempt('fail');
    expect(when(validating, { type: 'reviewed', approved: true, note: '', atMs: 2_000 }).state).toEqual(validating);
  });

  it('given a fail verdict, when deciding, then the run fails with the contract violation CV-008 naming the errors, its step kept', () => {
    expect(when(validatingFirstAttempt('fail'), verdict(1, 'fail')).commands).toEqual([
      { type: 'fail', errorCode: 'CV-008', message: 'score must be int, not str', tokens, latencyMs: 250, partialResults: answered('{"score":"high"}') },
    ]);
  });

  it('given a fail verdict with its own code, when deciding, then the run fails with that code', () => {
    const { commands } = when(validatingFirstAttempt('fail'), verdict(1, 'fail', { errors: ["CV-004 Contract not found: no contract named 'gone'"], errorCode: 'CV-004' }));
    expect(commands).toMatchObject([{ type: 'fail', errorCode: 'CV-004', message: "CV-004 Contract not found: no contract named 'gone'" }]);
  });

  it('given a retry verdict without a refined prompt, when deciding, then the run fails as an execution error instead of looping', () => {
    expect(when(validatingFirstAttempt('retry'), verdict(1, 'retry')).commands).toMatchObject([
      { type: 'fail', errorCode: 'CV-009', message: 'a retry was decided without a refined prompt', latencyMs: 250 },
    ]);
  });

  it('given a completed run, when its step result is delivered again, then nothing changes', () => {
    const validating = when(decide(given(requested(), routed(), noContract)).state, completed('run-1:answer:1', 'hi!')).state;
    const done: RunState = when(validating, verdict(1, 'success')).state;
    expect(when(done, completed('run-1:answer:1', 'hi!'))).toEqual({ state: done, commands: [] });
  });
});
