import { decide, evolve, initialRunState, type RunFact, type RunState } from './run-saga';

const requested: RunFact = { type: 'requested', input: 'hello', agent: { name: 'helper', version: 3, systemPrompt: 'Be brief.', stratum: 'RTI' }, requestedAtMs: 1_000, requestId: 'req-1' };
const routed: RunFact = { type: 'routed', strategy: 'direct', complexity: 0.1, intent: 'general_chat' };
const selected: RunFact = { type: 'contract_selected', name: null };

const given = (...facts: RunFact[]): RunState => facts.reduce(evolve, initialRunState('run-1', 'session-1'));

describe('run saga', () => {
  it('given the request, when evolving, then the agent snapshot is kept with its version', () => {
    expect(given(requested).request).toEqual({
      input: 'hello',
      agent: { name: 'helper', version: 3, systemPrompt: 'Be brief.', stratum: 'RTI' },
      requestedAtMs: 1_000,
      requestId: 'req-1',
    });
  });

  it('given only the request, when deciding, then nothing is dispatched yet', () => {
    expect(decide(given(requested)).commands).toEqual([]);
  });

  it('given request, route and contract in any order, when deciding, then one step is dispatched once', () => {
    const first = decide(given(selected, routed, requested));
    expect(first.commands).toEqual([
      { type: 'dispatch_step', step: { stepId: 'run-1:1', prompt: 'hello', strategy: 'direct', status: 'dispatched' }, systemPrompt: 'Be brief.' },
    ]);
    expect(first.state.status).toBe('running');
    expect(decide(first.state).commands).toEqual([]);
  });

  it('given the step completed, when deciding, then validation of its output is requested', () => {
    const running = decide(given(requested, routed, selected)).state;
    const done = evolve(running, { type: 'step_completed', stepId: 'run-1:1', output: 'hi!', tokens: { inputTokens: 5, outputTokens: 2 }, model: 'm' });
    expect(decide(done).commands).toEqual([{ type: 'request_validation', output: 'hi!' }]);
  });

  it('given a successful verdict, when deciding, then the run completes with tokens and latency', () => {
    let state = decide(given(requested, routed, selected)).state;
    state = evolve(state, { type: 'step_completed', stepId: 'run-1:1', output: 'hi!', tokens: { inputTokens: 5, outputTokens: 2 }, model: 'm' });
    state = decide(state).state;
    state = evolve(state, { type: 'validated', isValid: true, decision: 'success', errors: [], atMs: 1_250 });
    const { state: finished, commands } = decide(state);
    expect(commands).toEqual([{ type: 'complete', response: 'hi!', tokens: { inputTokens: 5, outputTokens: 2 }, model: 'm', latencyMs: 250 }]);
    expect(finished.status).toBe('completed');
    expect(decide(finished).commands).toEqual([]);
  });

  it('given a failing verdict, when deciding, then the run fails with a contract violation', () => {
    let state = decide(given(requested, routed, selected)).state;
    state = evolve(state, { type: 'step_completed', stepId: 'run-1:1', output: '', tokens: { inputTokens: 5, outputTokens: 0 }, model: 'm' });
    state = decide(state).state;
    state = evolve(state, { type: 'validated', isValid: false, decision: 'fail', errors: ['response must not be empty'], atMs: 1_100 });
    expect(decide(state).commands).toEqual([
      { type: 'fail', errorCode: 'CV-001', message: 'response must not be empty', tokens: { inputTokens: 5, outputTokens: 0 }, latencyMs: 100 },
    ]);
  });
});
