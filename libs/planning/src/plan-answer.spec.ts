import { readPlanAnswer, singleStepPlan } from './plan-answer';
import { planStep, planText } from './testing/run-facts';

describe('reading a plan answer', () => {
  it('given a valid plan in a fenced block among prose, when read, then its steps and its single sink are the plan', () => {
    const answer = readPlanAnswer(`Here it is:\n\`\`\`json\n${planText(planStep('a'), planStep('b', ['a']))}\n\`\`\``, 'goal');
    expect(answer).toMatchObject({ ok: true, finalStepId: 'b' });
    expect(answer.ok && answer.steps.map((step) => step.id)).toEqual(['a', 'b']);
  });

  it('given a plan whose only sink is a tool step, when read, then a final reasoning step is added after it', () => {
    const answer = readPlanAnswer(planText(planStep('a', [], { type: 'memory_op', toolName: 'memory_search', toolInput: { query: 'x' } })), 'goal');
    expect(answer).toMatchObject({ ok: true, finalStepId: 'final' });
  });

  it('given a cycle, when read, then it is refused with PLAN_001 naming the cycle', () => {
    expect(readPlanAnswer(planText(planStep('a', ['b']), planStep('b', ['a'])), 'goal')).toEqual({
      ok: false,
      error: { code: 'PLAN_001', message: 'cyclic dependency: a → b → a', cycle: ['a', 'b', 'a'] },
    });
  });

  it('given a replan depending on a kept step, when read with the kept steps, then it passes and only the new steps are returned', () => {
    const answer = readPlanAnswer(planText(planStep('c', ['a'])), 'goal', [planStep('a')]);
    expect(answer).toMatchObject({ ok: true, finalStepId: 'c' });
    expect(answer.ok && answer.steps.map((step) => step.id)).toEqual(['c']);
  });

  it('given a replan reusing a kept step id, when read, then it is refused as a step id used twice', () => {
    expect(readPlanAnswer(planText(planStep('a'), planStep('c', ['a'])), 'goal', [planStep('a')])).toMatchObject({ ok: false, error: { code: 'PLAN_003', message: "step id 'a' is used twice" } });
  });

  it('given a replan with no steps beyond the kept ones, when read, then it is refused', () => {
    expect(readPlanAnswer('{"steps": []}', 'goal', [planStep('a')])).toMatchObject({ ok: false, error: { code: 'PLAN_003' } });
  });

  it('given a replan answer that holds no JSON, when read, then it is refused as malformed', () => {
    expect(readPlanAnswer('I would rather not.', 'goal', [planStep('a')])).toMatchObject({ ok: false, error: { code: 'PLAN_003' } });
  });

  it('given simple work, when planned, then the plan is one reasoning step', () => {
    expect(singleStepPlan('hello').steps).toMatchObject([{ id: 'answer', type: 'reasoning', dependsOn: [] }]);
  });
});
