import type { Plan } from './plan';
import { checkPlan, parsePlan, planToJson, withSingleFinalStep } from './plan-parser';

const goal = 'compare two vendors';

describe('parsePlan', () => {
  it('given a fenced JSON plan with defaults left out, when parsed, then steps get reasoning, retry and one retry', () => {
    const check = parsePlan('Here is the plan:\n```json\n{"steps":[{"id":"a","instruction":"find vendor A"},{"id":"b","instruction":"compare","depends_on":["a"]}]}\n```', goal);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.order).toEqual(['a', 'b']);
    expect(check.plan.steps[1]).toEqual({ id: 'b', title: 'compare', type: 'reasoning', instruction: 'compare', dependsOn: ['a'], onFailure: 'retry', maxRetries: 1 });
  });

  it('given a cycle, when parsed, then PLAN_001 names it', () => {
    const check = parsePlan('{"steps":[{"id":"a","instruction":"x","depends_on":["b"]},{"id":"b","instruction":"y","depends_on":["a"]}]}', goal);
    expect(check.ok ? null : check.error).toEqual({ code: 'PLAN_001', message: 'cyclic dependency: a → b → a', cycle: ['a', 'b', 'a'] });
  });

  it.each([
    ['no JSON', 'I cannot plan this', 'holds no JSON'],
    ['no steps', '{"steps":[]}', 'no steps'],
    ['a bad id', '{"steps":[{"id":"a b","instruction":"x"}]}', 'steps[0].id'],
    ['an unknown type', '{"steps":[{"id":"a","type":"dance","instruction":"x"}]}', 'type must be one of'],
    ['a tool step without its tool', '{"steps":[{"id":"a","type":"tool_call","instruction":"x"}]}', 'names its tool'],
    ['a duplicate id', '{"steps":[{"id":"a","instruction":"x"},{"id":"a","instruction":"y"}]}', "'a' is used twice"],
    ['an unknown policy', '{"steps":[{"id":"a","instruction":"x","on_failure":"pray"}]}', 'on_failure'],
    ['too many retries', '{"steps":[{"id":"a","instruction":"x","max_retries":9}]}', 'max_retries'],
  ])('given %s, when parsed, then PLAN_003 says what is wrong', (_case, text, message) => {
    const check = parsePlan(text, goal);
    expect(check.ok ? null : check.error.code).toBe('PLAN_003');
    expect(check.ok ? '' : check.error.message).toContain(message);
  });

  it('given 21 steps, when parsed, then the limit is enforced', () => {
    const steps = Array.from({ length: 21 }, (_, index) => ({ id: `s${index}`, instruction: 'x' }));
    expect(parsePlan(JSON.stringify({ steps }), goal)).toMatchObject({ ok: false, error: { code: 'PLAN_003' } });
  });

  it('given a plan, when written as JSON and read back, then it is the same plan', () => {
    const plan: Plan = {
      goal,
      steps: [
        { id: 'a', title: 'look up', type: 'memory_op', instruction: 'look up', dependsOn: [], onFailure: 'skip', maxRetries: 0, toolName: 'memory_search', toolInput: { query: 'vendors' } },
        { id: 'b', title: 'compare', type: 'reasoning', instruction: 'compare', dependsOn: ['a'], onFailure: 'abort', maxRetries: 2 },
      ],
    };
    expect(parsePlan(planToJson(plan), goal)).toEqual(checkPlan(plan));
  });
});

describe('withSingleFinalStep', () => {
  const step = (id: string, dependsOn: string[] = []) => ({ id, title: id, type: 'reasoning' as const, instruction: id, dependsOn, onFailure: 'retry' as const, maxRetries: 1 });

  it('given two sinks, when completed, then a final step depends on both', () => {
    const plan = withSingleFinalStep({ goal, steps: [step('a'), step('b'), step('c', ['a'])] });
    expect(plan.steps.at(-1)).toMatchObject({ id: 'final', type: 'reasoning', dependsOn: ['b', 'c'] });
  });

  it('given one reasoning sink, when completed, then the plan is unchanged', () => {
    const original = { goal, steps: [step('a'), step('b', ['a'])] };
    expect(withSingleFinalStep(original)).toBe(original);
  });

  it('given a tool step as the only sink, when completed, then a final reasoning step answers from it', () => {
    const plan = withSingleFinalStep({ goal, steps: [{ ...step('a'), type: 'tool_call', toolName: 'plan_inspect' }] });
    expect(plan.steps.map((s) => s.id)).toEqual(['a', 'final']);
  });
});
