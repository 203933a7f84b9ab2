import { decide } from './run-saga';
import { DEFAULT_RUN_SETTINGS } from './run-settings';
import {
  after,
  completed,
  dispatches,
  given,
  ofType,
  planStep,
  planText,
  requested,
  routed,
  routedComplex,
  runningPlan,
  stepIdsOf,
  when,
  WIDE_PLAN,
  withContract,
} from './testing/run-facts';

const twoWide = { ...DEFAULT_RUN_SETTINGS, maxParallelSteps: 2 };

describe('run saga: running the plan', () => {
  it('given a plan of four independent steps and a final one, when adopted, then all four are dispatched at once and the final waits', () => {
    const { state, commands } = runningPlan(...WIDE_PLAN);
    expect(stepIdsOf(commands)).toEqual(['run-1:a:1', 'run-1:b:1', 'run-1:c:1', 'run-1:d:1']);
    expect(state.plan?.steps.map((step) => step.status)).toEqual(['dispatched', 'dispatched', 'dispatched', 'dispatched', 'pending']);
  });

  it('given a parallelism of two, when the plan starts, then two steps go out, and each result lets the next one go', () => {
    const lookingUp = decide(given(requested(), routedComplex(), withContract('fail')), twoWide).state;
    const calling = when(lookingUp, { type: 'plan_looked_up' }, twoWide).state;
    const started = when(calling, completed('run-1:plan:1', planText(...WIDE_PLAN)), twoWide);
    expect(stepIdsOf(started.commands)).toEqual(['run-1:a:1', 'run-1:b:1']);
    const next = when(started.state, completed('run-1:b:1', 'B'), twoWide);
    expect(stepIdsOf(next.commands)).toEqual(['run-1:c:1']);
  });

  it('given some dependencies still running, when one completes, then the dependent step is not dispatched yet', () => {
    const { state } = runningPlan(...WIDE_PLAN);
    expect(after(state, completed('run-1:a:1', 'A'), completed('run-1:b:1', 'B'), completed('run-1:c:1', 'C')).commands).toEqual([]);
  });

  it('given every dependency done, when the last completes, then the final step goes out with their outputs as plan state and the contract', () => {
    const lookingUp = decide(given(requested(), routedComplex(), withContract('fail'))).state;
    const calling = when(lookingUp, { type: 'plan_looked_up' }).state;
    const started = when(calling, completed('run-1:plan:1', planText(...WIDE_PLAN)));
    const [first] = dispatches(started.commands);
    expect(`${first.system}\n${first.prompt}`).not.toContain('OUTPUT REQUIREMENTS');
    expect(first.prompt).toContain('Do a.');

    const { commands } = after(started.state, completed('run-1:a:1', 'A says 1'), completed('run-1:b:1', 'B says 2'), completed('run-1:c:1', 'C says 3'), completed('run-1:d:1', 'D says 4'));
    const [final] = dispatches(commands);
    expect(final.stepId).toBe('run-1:e:1');
    expect(final.prompt).toContain('<untrusted_data source="plan_state">');
    for (const output of ['A says 1', 'B says 2', 'C says 3', 'D says 4']) expect(final.prompt).toContain(output);
    expect(`${final.system}\n${final.prompt}`).toContain('OUTPUT REQUIREMENTS: score*: int');
  });

  it('given a contract with its own (boosted) strategy, when steps go out, then only the final step uses it and the others keep the route strategy', () => {
    const lookingUp = decide(given(requested(), routedComplex({ strategy: 'tree_of_thoughts' }), withContract('fail', { strategy: 'mcts' }))).state;
    const started = when(when(lookingUp, { type: 'plan_looked_up' }).state, completed('run-1:plan:1', planText(...WIDE_PLAN)));
    expect(dispatches(started.commands).map((command) => command.strategy)).toEqual(['tree_of_thoughts', 'tree_of_thoughts', 'tree_of_thoughts', 'tree_of_thoughts']);
    const { commands } = after(started.state, completed('run-1:a:1', 'A'), completed('run-1:b:1', 'B'), completed('run-1:c:1', 'C'), completed('run-1:d:1', 'D'));
    expect(dispatches(commands).map((command) => [command.planStepId, command.strategy])).toEqual([['e', 'mcts']]);
  });

  it('given the final step completed and no contract, when deciding, then the run completes with the final output, the tokens of every call and every step', () => {
    const { state } = runningPlan(...WIDE_PLAN);
    const finished = after(state, completed('run-1:a:1', 'A'), completed('run-1:b:1', 'B'), completed('run-1:c:1', 'C'), completed('run-1:d:1', 'D'), completed('run-1:e:1', 'E'));
    const [done] = ofType(finished.commands, 'complete');
    expect(finished.commands).toHaveLength(1);
    expect(done).toMatchObject({ response: 'E', tokens: { inputTokens: 30, outputTokens: 12 } });
    expect(done.steps.map((step) => [step.stepId, step.status, step.output])).toEqual([
      ['a', 'completed', 'A'],
      ['b', 'completed', 'B'],
      ['c', 'completed', 'C'],
      ['d', 'completed', 'D'],
      ['e', 'completed', 'E'],
    ]);
  });

  it('given a result delivered twice, when the duplicate arrives, then nothing is dispatched again', () => {
    const { state } = runningPlan(planStep('a'), planStep('b', ['a']));
    const once = when(state, completed('run-1:a:1', 'A'));
    expect(stepIdsOf(once.commands)).toEqual(['run-1:b:1']);
    expect(when(once.state, completed('run-1:a:1', 'A'))).toEqual({ state: once.state, commands: [] });
  });

  it('given a tool step, when dispatched, then it names its tool and input', () => {
    const [dispatch] = dispatches(runningPlan(planStep('a', [], { type: 'memory_op', toolName: 'memory_search', toolInput: { query: 'acme' } }), planStep('b', ['a'])).commands);
    expect(dispatch).toMatchObject({ stepType: 'memory_op', toolName: 'memory_search', toolInputJson: '{"query":"acme"}' });
  });

  it('given a run that has used its budget, when steps would be dispatched, then the run fails with CTX_003 and nothing goes out', () => {
    const lookingUp = decide(given(requested({ maxTotalTokens: 7 }), routedComplex(), withContract('fail'))).state;
    const calling = when(lookingUp, { type: 'plan_looked_up' }).state;
    const { state, commands } = when(calling, completed('run-1:plan:1', planText(...WIDE_PLAN)));
    expect(dispatches(commands)).toEqual([]);
    expect(ofType(commands, 'fail')).toMatchObject([{ errorCode: 'CTX_003', message: 'token budget exceeded: the run has used 7 of its 7 tokens', tokens: { inputTokens: 5, outputTokens: 2 } }]);
    expect(state.status).toBe('failed');
  });

  it('given a context that does not fit whole, when a step is dispatched, then what was left out is recorded on the step', () => {
    const history = Array.from({ length: 6 }, (_, turn) => ({ input: `question ${turn}. ${'detail '.repeat(400)}`, response: `answer ${turn}. ${'more '.repeat(400)}` }));
    const small = { ...DEFAULT_RUN_SETTINGS, contextWindowTokens: 3_000 };
    const { state } = decide(given(requested({ history }), routed({ intent: 'chat' }), withContract('fail')), small);
    expect(state.steps[0].dropped.length).toBeGreaterThan(0);
    expect(state.steps[0].dropped[0]).toMatchObject({ section: 'history' });
  });
});
