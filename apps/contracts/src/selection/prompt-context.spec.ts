import { buildContractPrompt, getTemplate } from '@sigil/contracts';
import { contractPromptContext } from './prompt-context';

describe('contract prompt context', () => {
  const contract = getTemplate('lead_qualification');
  if (!contract) throw new Error('lead_qualification template missing');
  const learning = { commonMistakes: ['Missing field: recommendation'], exemplars: [{ score: 80 }] };

  it('given the planner prepends the TASK line, when joined, then the prompt is exactly the lib prompt for the task', () => {
    const context = contractPromptContext({ contract, ...learning });
    expect(`TASK: Qualify Acme\n\nwith two\n\nparagraphs\n\n${context}`).toBe(buildContractPrompt({ task: 'Qualify Acme\n\nwith two\n\nparagraphs', contract, ...learning }));
  });

  it('given a contract and learning, when built, then it starts at the output requirements and carries the mistakes and exemplars', () => {
    const context = contractPromptContext({ contract, ...learning });
    expect(context.startsWith('OUTPUT REQUIREMENTS:\n')).toBe(true);
    expect(context).toContain('COMMON MISTAKES TO AVOID:\n- Missing field: recommendation');
    expect(context).toContain('OUTPUTS THAT PASSED BEFORE:\n{\n  "score": 80\n}');
    expect(context).not.toContain('TASK:');
  });
});
