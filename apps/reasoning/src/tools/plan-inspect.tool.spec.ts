import { create } from '@bufbuild/protobuf';
import { RunPlanViewSchema } from '@sigil/schemas';
import { renderPlan } from './plan-inspect.tool';

describe('plan inspection', () => {
  it('given a plan with progress, when rendered for the model, then each step shows status, dependencies and its shortened output or error', () => {
    const plan = create(RunPlanViewSchema, {
      runId: 'run-1',
      goal: 'Write the report',
      replans: 1,
      steps: [
        { stepId: 's1', title: 'Gather facts', type: 'reasoning', status: 'completed', output: `facts ${'x'.repeat(400)}` },
        { stepId: 's2', title: 'Search memory', type: 'memory_op', dependsOn: ['s1'], status: 'failed', error: 'RSN_002 tool failed' },
        { stepId: 's3', title: 'Write', type: 'reasoning', dependsOn: ['s1', 's2'] },
      ],
    });
    expect(renderPlan(plan).split('\n')).toEqual([
      'Goal: Write the report',
      'Replans: 1',
      '- s1 [completed] reasoning: Gather facts',
      `  output: facts ${'x'.repeat(294)}`,
      '- s2 [failed] memory_op: Search memory after s1',
      '  error: RSN_002 tool failed',
      '- s3 [pending] reasoning: Write after s1, s2',
    ]);
  });

  it('given no plan, when rendered, then the model is told so', () => {
    expect(renderPlan(undefined)).toBe('The run has no plan yet.');
  });
});
