import type { PlanStep } from './plan';
import { criticalPathLength, readySteps, validateDag } from './plan-dag';

const step = (id: string, dependsOn: string[] = []): PlanStep => ({ id, title: id, type: 'reasoning', instruction: id, dependsOn, onFailure: 'retry', maxRetries: 1 });

describe('plan DAG (Kahn)', () => {
  it('given independent and dependent steps, when validated, then dependencies come first', () => {
    const check = validateDag([step('c', ['a', 'b']), step('a'), step('b', ['a'])]);
    expect(check).toEqual({ ok: true, order: ['a', 'b', 'c'] });
  });

  it('given a cycle, when validated, then PLAN_001 names the steps around it in order', () => {
    const check = validateDag([step('start'), step('a', ['start', 'c']), step('b', ['a']), step('c', ['b']), step('after', ['c'])]);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.error.code).toBe('PLAN_001');
    expect(check.error.cycle).toEqual(['a', 'b', 'c', 'a']);
    expect(check.error.message).toBe('cyclic dependency: a → b → c → a');
  });

  it('given a step that depends on itself, when validated, then that one-step cycle is named', () => {
    const check = validateDag([step('a', ['a'])]);
    expect(check.ok ? null : check.error).toEqual({ code: 'PLAN_001', message: 'cyclic dependency: a → a', cycle: ['a', 'a'] });
  });

  it('given a dependency on a missing step, when validated, then PLAN_002 names both', () => {
    const check = validateDag([step('a', ['ghost'])]);
    expect(check.ok ? null : check.error.code).toBe('PLAN_002');
    expect(check.ok ? null : check.error.message).toContain("'ghost'");
  });

  it('given some steps done and started, when asked, then only unstarted steps with every dependency done are ready', () => {
    const steps = [step('a'), step('b'), step('c', ['a']), step('d', ['a', 'b'])];
    expect(readySteps(steps, new Set(['a']), new Set(['a', 'b'])).map((s) => s.id)).toEqual(['c']);
  });

  it('given layers of steps, when measured, then the critical path is the longest chain', () => {
    expect(criticalPathLength([step('a'), step('b'), step('c', ['a']), step('d', ['c', 'b'])])).toBe(3);
    expect(criticalPathLength([])).toBe(0);
  });
});
