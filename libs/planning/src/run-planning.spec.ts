import { isPlanningPrompt, planToJson, readPlanningPrompt } from '@sigil/plans';
import { decide } from './run-saga';
import {
  completed,
  dispatches,
  failed,
  given,
  noContract,
  ofType,
  planningRun,
  planStep,
  planText,
  requested,
  routedComplex,
  stepIdsOf,
  when,
  WIDE_PLAN,
  withContract,
} from './testing/run-facts';

const CYCLE = planText(planStep('a', ['b']), planStep('b', ['a']));

describe('run saga: making the plan', () => {
  it('given complex work, when everything is in, then the plan cache is asked with the goal and the planning context, and nothing is dispatched yet', () => {
    const { state, commands } = decide(given(requested(), routedComplex(), withContract('fail')));
    expect(commands).toHaveLength(1);
    const [lookup] = ofType(commands, 'look_up_plan');
    expect(lookup.goal).toBe('hello');
    expect(lookup.context).toContain('OUTPUT REQUIREMENTS: score*: int');
    expect(state.status).toBe('planning');
    expect(decide(state).commands).toEqual([]);
  });

  it('given a cache miss, when deciding, then a plan step is dispatched with the planning prompt for the goal and the tools', () => {
    const lookingUp = decide(given(requested(), routedComplex(), noContract)).state;
    const { state, commands } = when(lookingUp, { type: 'plan_looked_up' });
    const [call] = dispatches(commands);
    expect(call).toMatchObject({ stepId: 'run-1:plan:1', planStepId: 'plan', stepType: 'plan', strategy: 'direct', maxOutputTokens: 2_048, complexity: 0.62 });
    expect(isPlanningPrompt(call.prompt)).toBe(true);
    expect(readPlanningPrompt(call.prompt).goal).toBe('hello');
    expect(call.prompt).toContain('memory_search');
    expect(call.prompt).toContain('plan_inspect');
    expect(state.status).toBe('planning');
    expect(decide(state).commands).toEqual([]);
  });

  it('given a valid plan answer, when deciding, then the plan is announced and cached, and its first steps are dispatched', () => {
    const { state, commands } = when(planningRun(), completed('run-1:plan:1', planText(...WIDE_PLAN)));
    const [announced] = ofType(commands, 'announce_plan');
    expect(announced.version).toBe(0);
    expect(announced.plan).toMatchObject({ goal: 'hello', replans: 0, cached: false });
    expect(announced.plan.steps.map((step) => [step.stepId, step.status, step.dependsOn])).toEqual([
      ['a', 'pending', []],
      ['b', 'pending', []],
      ['c', 'pending', []],
      ['d', 'pending', []],
      ['e', 'pending', ['a', 'b', 'c', 'd']],
    ]);
    const [cached] = ofType(commands, 'cache_plan');
    expect(cached).toMatchObject({ goal: 'hello', planJson: planToJson({ goal: 'hello', steps: WIDE_PLAN }) });
    expect(stepIdsOf(commands)).toEqual(['run-1:a:1', 'run-1:b:1', 'run-1:c:1', 'run-1:d:1']);
    expect(state.status).toBe('running');
  });

  it('given a plan with several sinks, when adopted, then a final step combining them is added and is what the run answers with', () => {
    const { state } = when(planningRun(), completed('run-1:plan:1', planText(planStep('a'), planStep('b'))));
    expect(state.plan?.finalStepId).toBe('final');
    expect(state.plan?.steps.find((step) => step.id === 'final')?.dependsOn).toEqual(['a', 'b']);
  });

  it('given a cache hit, when deciding, then the cached plan runs at once: announced as cached, not cached again, no plan step', () => {
    const lookingUp = decide(given(requested(), routedComplex(), noContract)).state;
    const { state, commands } = when(lookingUp, { type: 'plan_looked_up', planJson: planToJson({ goal: 'hello', steps: WIDE_PLAN }) });
    expect(ofType(commands, 'announce_plan')[0].plan.cached).toBe(true);
    expect(ofType(commands, 'cache_plan')).toEqual([]);
    expect(stepIdsOf(commands)).toEqual(['run-1:a:1', 'run-1:b:1', 'run-1:c:1', 'run-1:d:1']);
    expect(state.plan?.cached).toBe(true);
  });

  it('given a cached plan that no longer checks (a cycle), when deciding, then it is forgotten and a plan step is dispatched instead', () => {
    const lookingUp = decide(given(requested(), routedComplex(), noContract)).state;
    const { commands } = when(lookingUp, { type: 'plan_looked_up', planJson: CYCLE });
    expect(commands.map((command) => command.type)).toEqual(['forget_cached_plan', 'dispatch_step']);
    expect(ofType(commands, 'forget_cached_plan')[0].goal).toBe('hello');
    expect(stepIdsOf(commands)).toEqual(['run-1:plan:1']);
  });

  it('given a cyclic plan, when answered, then one more plan step is dispatched, told the cycle', () => {
    const { state, commands } = when(planningRun(), completed('run-1:plan:1', CYCLE));
    const [again] = dispatches(commands);
    expect(again.stepId).toBe('run-1:plan:2');
    expect(again.prompt).toContain('YOUR PREVIOUS PLAN WAS REFUSED: cyclic dependency: a → b → a');
    expect(state.status).toBe('planning');
  });

  it('given a second refused plan, when answered, then the run fails with PLAN_001 naming the cycle, both calls counted', () => {
    const refusedOnce = when(planningRun(), completed('run-1:plan:1', CYCLE)).state;
    const { state, commands } = when(refusedOnce, completed('run-1:plan:2', CYCLE, 1_400));
    expect(commands).toEqual([
      { type: 'fail', errorCode: 'PLAN_001', message: 'cyclic dependency: a → b → a', tokens: { inputTokens: 10, outputTokens: 4 }, latencyMs: 400, partialResults: [] },
    ]);
    expect(state.status).toBe('failed');
  });

  it('given a refused then a valid plan, when adopted, then it is cached under the first planning context', () => {
    const lookup = ofType(decide(given(requested(), routedComplex(), noContract)).commands, 'look_up_plan')[0];
    const refusedOnce = when(planningRun(), completed('run-1:plan:1', 'no plan here')).state;
    const [cached] = ofType(when(refusedOnce, completed('run-1:plan:2', planText(...WIDE_PLAN))).commands, 'cache_plan');
    expect(cached).toMatchObject({ goal: lookup.goal, context: lookup.context });
  });

  it('given a plan call that fails retryably, when deciding, then planning is tried once more; failing again fails the run with its code', () => {
    const again = when(planningRun(), failed('run-1:plan:1', 'LLM_001', true));
    expect(stepIdsOf(again.commands)).toEqual(['run-1:plan:2']);
    expect(when(again.state, failed('run-1:plan:2', 'LLM_001', true)).commands).toMatchObject([{ type: 'fail', errorCode: 'LLM_001', message: 'planning failed: LLM_001 happened' }]);
  });

  it('given a plan call refused for the budget, when deciding, then the run fails with CTX_003 at once', () => {
    expect(when(planningRun(), failed('run-1:plan:1', 'CTX_003', false)).commands).toMatchObject([{ type: 'fail', errorCode: 'CTX_003' }]);
  });

  it('given a redelivered plan answer, when it arrives again, then nothing is dispatched twice', () => {
    const running = when(planningRun(), completed('run-1:plan:1', planText(...WIDE_PLAN))).state;
    expect(when(running, completed('run-1:plan:1', planText(...WIDE_PLAN))).commands).toEqual([]);
  });
});
