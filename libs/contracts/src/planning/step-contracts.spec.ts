import { LEAD_QUALIFICATION } from '../templates/lead-qualification';
import { validate } from '../validation/compile-contract';
import { STRUCTURED_OUTPUT_TOOLS, attachStepContracts } from './step-contracts';

const main = { ...LEAD_QUALIFICATION, failureStrategy: 'retry' as const, maxRetries: 3 };

describe('plan step contracts', () => {
  it('given the spec plan (simple, crm tool, scoring, final), when contracts are attached, then steps 2 to 4 get one each', () => {
    const specs = attachStepContracts(
      [
        { id: 'gather', kind: 'reasoning', description: 'Summarise what we know about Acme' },
        { id: 'crm', kind: 'tool_call', description: 'Update the CRM', tool: 'crm_update' },
        { id: 'analyse', kind: 'reasoning', description: 'Analyse the lead and score each BANT factor' },
        { id: 'answer', kind: 'reasoning', description: 'Write the final answer' },
      ],
      main,
    );
    expect(specs.map((spec) => [spec.stepId, spec.reason, spec.name, spec.failureStrategy, spec.maxRetries])).toEqual([
      ['crm', 'structured_tool', 'crm_output', 'retry', 1],
      ['analyse', 'structured_reasoning', 'analyse_output', 'retry', 1],
      ['answer', 'final_step', 'lead_qualification', 'retry', 3],
    ]);
    expect(specs[0].deliverables).toBe(STRUCTURED_OUTPUT_TOOLS.crm_update);
    expect(specs[2].deliverables).toBe(LEAD_QUALIFICATION.deliverables);
  });

  it('given a tool that is not structured, when attached, then its step gets no contract', () => {
    expect(attachStepContracts([{ id: 'speak', kind: 'tool_call', description: 'Read it aloud', tool: 'text_to_speech' }, { id: 'end', kind: 'reasoning', description: 'Done' }], main).map((spec) => spec.stepId)).toEqual(['end']);
  });

  it.each([
    ['Rank the competitors by share', true],
    ['Return a JSON table of prices', true],
    ['List the open risks', true],
    ['Listen to the call recording', false],
    ['Generate a friendly greeting', false],
  ])('given a reasoning step "%s", when attached, then structured is %s', (description, structured) => {
    expect(attachStepContracts([{ id: 'step', kind: 'reasoning', description }, { id: 'end', kind: 'reasoning', description: 'x' }], null).length).toBe(structured ? 1 : 0);
  });

  it('given no run contract, when attached, then the final step gets none', () => {
    expect(attachStepContracts([{ id: 'only', kind: 'reasoning', description: 'Score the lead' }], null)).toEqual([]);
  });

  it('given a structured reasoning step, when its output is validated, then any JSON object passes and text does not', () => {
    const [spec] = attachStepContracts([{ id: 'rank', kind: 'reasoning', description: 'rank them' }, { id: 'end', kind: 'reasoning', description: 'x' }], null);
    expect(validate({ anything: 1 }, spec).isValid).toBe(true);
    expect(validate('ranked', spec).isValid).toBe(false);
  });
});
