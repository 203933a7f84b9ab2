import { decide, evolve } from './run-saga';
import { initialRunState, type RunFact, type RunState } from './run-state';

const requested: RunFact = { type: 'requested', input: 'hello', agent: { name: 'helper', version: 3, systemPrompt: 'Be brief.', stratum: 'RTI' }, requestedAtMs: 1_000, requestId: 'req-1' };
const routed: RunFact = { type: 'routed', strategy: 'direct', complexity: 0.1, intent: 'general_chat' };
const noContract: RunFact = { type: 'contract_selected', name: null, failureStrategy: 'fail', maxRetries: 0, promptContext: '', strategy: '' };
const withContract = (failureStrategy: string): RunFact => ({
  type: 'contract_selected',
  name: 'lead_qualification',
  failureStrategy,
  maxRetries: 2,
  promptContext: 'OUTPUT REQUIREMENTS: score*: int',
  strategy: 'react',
});
const tokens = { inputTokens: 5, outputTokens: 2 };

const given = (...facts: RunFact[]): RunState => facts.reduce(evolve, initialRunState('run-1', 'session-1'));
/** Applies a fact and then the saga's decision, as the planner does. */
const step = (state: RunState, fact: RunFact) => decide(evolve(state, fact));
const completed = (stepId: string, output: string): RunFact => ({ type: 'step_completed', stepId, output, tokens, model: 'm' });
const verdict = (attempt: number, decision: string, extra: Partial<Extract<RunFact, { type: 'validated' }>> = {}): RunFact =>
  ({ type: 'validated', attempt, isValid: decision === 'success', decision, errors: decision === 'success' ? [] : ['score must be int, not str'], atMs: 1_250, ...extra }) as RunFact;

/** A run with a contract whose first attempt's output is being validated. */
const validatingFirstAttempt = (failureStrategy: string) => step(decide(given(requested, routed, withContract(failureStrategy))).state, completed('run-1:1', '{"score":"high"}')).state;

describe('run saga', () => {
  it('given the request, when evolving, then the agent snapshot is kept with its version', () => {
    expect(given(requested).request).toEqual({ input: 'hello', agent: { name: 'helper', version: 3, systemPrompt: 'Be brief.', stratum: 'RTI' }, requestedAtMs: 1_000, requestId: 'req-1' });
  });

  it('given only the request, when deciding, then nothing is dispatched yet', () => {
    expect(decide(given(requested)).commands).toEqual([]);
  });

  it('given request, route and no contract in any order, when deciding, then the input is dispatched once as it is', () => {
    const first = decide(given(noContract, routed, requested));
    expect(first.commands).toEqual([
      { type: 'dispatch_step', step: { stepId: 'run-1:1', prompt: 'hello', strategy: 'direct', status: 'dispatched' }, systemPrompt: 'Be brief.' },
    ]);
    expect(first.state.status).toBe('running');
    expect(decide(first.state).commands).toEqual([]);
  });

  it("given a contract, when dispatching, then the prompt is the task and the contract's requirements, on the contract's strategy", () => {
    expect(decide(given(requested, routed, withContract('retry'))).commands).toEqual([
      {
        type: 'dispatch_step',
        step: { stepId: 'run-1:1', prompt: 'TASK: hello\n\nOUTPUT REQUIREMENTS: score*: int', strategy: 'react', status: 'dispatched' },
        systemPrompt: 'Be brief.',
      },
    ]);
  });

  it('given the step completed, when deciding, then validation of its output is requested for attempt 1 with the task and tokens so far', () => {
    const running = decide(given(requested, routed, noContract)).state;
    expect(step(running, completed('run-1:1', 'hi!')).commands).toEqual([{ type: 'request_validation', output: 'hi!', attempt: 1, task: 'hello', tokens }]);
  });

  it('given a successful verdict, when deciding, then the run completes with tokens, latency and strategy success', () => {
    const validating = step(decide(given(requested, routed, noContract)).state, completed('run-1:1', 'hi!')).state;
    const { state, commands } = step(validating, verdict(1, 'success'));
    expect(commands).toEqual([{ type: 'complete', response: 'hi!', tokens, model: 'm', latencyMs: 250, appliedStrategy: 'success', attempts: 1, contractName: '' }]);
    expect(state.status).toBe('completed');
    expect(decide(state).commands).toEqual([]);
  });

  it('given a retry verdict, when deciding, then a second attempt runs on the refined prompt, and its success counts both attempts', () => {
    const retried = step(validatingFirstAttempt('retry'), verdict(1, 'retry', { refinedPrompt: 'TASK: hello\n\nPREVIOUS ERRORS: score must be int' }));
    expect(retried.commands).toEqual([
      { type: 'dispatch_step', step: { stepId: 'run-1:2', prompt: 'TASK: hello\n\nPREVIOUS ERRORS: score must be int', strategy: 'react', status: 'dispatched' }, systemPrompt: 'Be brief.' },
    ]);
    const validatingSecond = step(retried.state, completed('run-1:2', '{"score":80}'));
    expect(validatingSecond.commands).toEqual([{ type: 'request_validation', output: '{"score":80}', attempt: 2, task: 'hello', tokens: { inputTokens: 10, outputTokens: 4 } }]);
    const done = step(validatingSecond.state, verdict(2, 'success'));
    expect(done.commands).toEqual([
      { type: 'complete', response: '{"score":80}', tokens: { inputTokens: 10, outputTokens: 4 }, model: 'm', latencyMs: 250, appliedStrategy: 'retry', attempts: 2, contractName: 'lead_qualification' },
    ]);
  });

  it('given a redelivered verdict of an earlier attempt, when it arrives during the next, then it changes nothing', () => {
    const retried = step(validatingFirstAttempt('retry'), verdict(1, 'retry', { refinedPrompt: 'again' })).state;
    const validatingSecond = step(retried, completed('run-1:2', 'still wrong')).state;
    const stale = step(validatingSecond, verdict(1, 'fail'));
    expect(stale.commands).toEqual([]);
    expect(stale.state.status).toBe('validating');
  });

  it.each(['fallback', 'partial', 'template'])('given a %s verdict with its output, when deciding, then the run completes with that output and says which strategy made it', (decision) => {
    const { state, commands } = step(validatingFirstAttempt(decision), verdict(1, decision, { output: '{"score":0}' }));
    expect(commands).toEqual([{ type: 'complete', response: '{"score":0}', tokens, model: 'm', latencyMs: 250, appliedStrategy: decision, attempts: 1, contractName: 'lead_qualification' }]);
    expect(state.result).toEqual({ response: '{"score":0}', appliedStrategy: decision });
  });

  it('given an escalate verdict, when deciding, then the run waits for review with the reasons', () => {
    const { state, commands } = step(validatingFirstAttempt('escalate'), verdict(1, 'escalate'));
    expect(commands).toEqual([{ type: 'escalate', output: '{"score":"high"}', reasons: ['score must be int, not str'], tokens }]);
    expect(state.status).toBe('escalated');
    expect(decide(state).commands).toEqual([]);
  });

  it('given an escalated run, when a reviewer approves with a corrected output, then it completes with that output by escalation', () => {
    const escalated = step(validatingFirstAttempt('escalate'), verdict(1, 'escalate')).state;
    const { state, commands } = step(escalated, { type: 'reviewed', approved: true, output: '{"score":70}', note: 'fixed by hand', atMs: 5_000 });
    expect(commands).toEqual([{ type: 'complete', response: '{"score":70}', tokens, model: 'm', latencyMs: 4_000, appliedStrategy: 'escalate', attempts: 1, contractName: 'lead_qualification' }]);
    expect(step(state, { type: 'reviewed', approved: false, note: 'too late', atMs: 6_000 }).commands).toEqual([]);
  });

  it('given an escalated run, when a reviewer rejects it, then it fails with CV-007 and the reason', () => {
    const escalated = step(validatingFirstAttempt('escalate'), verdict(1, 'escalate')).state;
    expect(step(escalated, { type: 'reviewed', approved: false, note: 'wrong lead', atMs: 5_000 }).commands).toEqual([
      { type: 'fail', errorCode: 'CV-007', message: 'rejected in review: wrong lead', tokens, latencyMs: 4_000 },
    ]);
  });

  it('given a run that is not escalated, when a review arrives, then it is ignored', () => {
    const validating = validatingFirstAttempt('fail');
    expect(step(validating, { type: 'reviewed', approved: true, note: '', atMs: 2_000 }).state).toEqual(validating);
  });

  it('given a fail verdict, when deciding, then the run fails with the contract violation CV-008 naming the errors', () => {
    expect(step(validatingFirstAttempt('fail'), verdict(1, 'fail')).commands).toEqual([
      { type: 'fail', errorCode: 'CV-008', message: 'score must be int, not str', tokens, latencyMs: 250 },
    ]);
  });

  it('given a fail verdict with its own code, when deciding, then the run fails with that code', () => {
    expect(step(validatingFirstAttempt('fail'), verdict(1, 'fail', { errors: ["CV-004 Contract not found: no contract named 'gone'"], errorCode: 'CV-004' })).commands).toEqual([
      { type: 'fail', errorCode: 'CV-004', message: "CV-004 Contract not found: no contract named 'gone'", tokens, latencyMs: 250 },
    ]);
  });

  it('given a retry verdict without a refined prompt, when deciding, then the run fails as an execution error instead of looping', () => {
    expect(step(validatingFirstAttempt('retry'), verdict(1, 'retry')).commands).toEqual([
      { type: 'fail', errorCode: 'CV-009', message: 'a retry was decided without a refined prompt', tokens, latencyMs: 250 },
    ]);
  });
});
