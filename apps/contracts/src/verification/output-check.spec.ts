import { getTemplate } from '@sigil/contracts';
import { checkOutput } from './output-check';

const contract = getTemplate('lead_qualification');
if (!contract) throw new Error('lead_qualification template missing');
const VALID = {
  budget_score: 20,
  authority_score: 15,
  need_score: 25,
  timeline_score: 15,
  score: 75,
  qualification: 'warm',
  recommendation: 'Schedule demo',
  next_steps: ['Send pricing'],
};

describe('checking an output on request', () => {
  it('given JSON that meets the contract, when checked, then it is valid', () => {
    expect(checkOutput(contract, JSON.stringify(VALID), false)).toEqual({ isValid: true, errors: [] });
  });

  it('given JSON breaking a rule, when checked, then the error names the field and rule', () => {
    expect(checkOutput(contract, JSON.stringify({ ...VALID, score: 101 }), false)).toEqual({
      isValid: false,
      errors: [{ field: 'score', rule: 'max', expected: 'value <= 100', actual: '101', message: 'score must be <= 100, got 101' }],
    });
  });

  it('given JSON of a list, when checked, then the whole output is the wrong type', () => {
    expect(checkOutput(contract, '[1]', false).errors).toEqual([
      { field: '$', rule: 'type', expected: 'dict', actual: 'list', message: 'the response must be a JSON object (dict), not list' },
    ]);
  });

  it('given output_json that is not JSON, when checked, then it is invalid with a json error', () => {
    const result = checkOutput(contract, 'score: 75', false);
    expect(result.isValid).toBe(false);
    expect(result.errors).toMatchObject([{ field: '$', rule: 'json', expected: 'JSON text', actual: 'invalid JSON' }]);
    expect(result.errors[0].message).toMatch(/^output_json is not JSON: /);
  });

  it('given LLM text around the object, when checked as text, then the object inside is checked', () => {
    expect(checkOutput(contract, `Sure! ${JSON.stringify(VALID)} Hope that helps.`, true)).toEqual({ isValid: true, errors: [] });
  });

  it('given LLM text without an object, when checked as text, then it is invalid with a json error', () => {
    expect(checkOutput(contract, 'I cannot score this lead.', true)).toMatchObject({ isValid: false, errors: [{ field: '$', rule: 'json' }] });
  });
});
