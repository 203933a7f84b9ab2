import type { Contract } from '../model/contract';
import type { JsonObject } from '../model/json-value';
import { validate } from '../validation/compile-contract';
import { fillFromDefaults, keepValidFields, replaceWithTemplate, topLevelField } from './fallback-fill';

const contract: Pick<Contract, 'name' | 'deliverables'> = {
  name: 'lead_review',
  deliverables: [
    { name: 'score', type: 'int', description: 's', required: true, validationRules: [{ rule: 'min', value: 0 }, { rule: 'max', value: 100 }], example: 50 },
    { name: 'tier', type: 'str', description: 't', required: true, validationRules: [{ rule: 'enum', value: ['a', 'b'] }] },
    { name: 'summary', type: 'str', description: 'u', required: true, validationRules: [{ rule: 'not_empty' }] },
    { name: 'analysis', type: 'str', description: 'v', required: false, validationRules: [{ rule: 'max_length', value: 5 }] },
  ],
};
const salvage = (output: JsonObject | null, how: typeof fillFromDefaults) => how(output, contract, output === null ? { isValid: false, errors: [] } : validate(output, contract));

describe('salvaging an invalid output', () => {
  it('given a wrong score, a missing tier and a too-long optional field, when filled, then valid fields stay, gaps get defaults and the optional one is dropped', () => {
    const result = salvage({ score: 150, summary: 'Good lead', analysis: 'far too long' }, fillFromDefaults);
    expect(result).toEqual({
      output: { summary: 'Good lead', score: 50, tier: 'a' },
      validation: { isValid: true, errors: [] },
      filledFields: ['score', 'tier'],
      missingFields: [],
    });
  });

  it('given a gap no default can fill, when filled, then the output stays incomplete and names the field', () => {
    const result = salvage({ score: 10, tier: 'b' }, fillFromDefaults);
    expect(result.output).toEqual({ score: 10, tier: 'b', summary: '' });
    expect(result.filledFields).toEqual(['summary']);
    expect(result.missingFields).toEqual(['summary']);
    expect(result.validation.errors.map((error) => error.message)).toEqual(['summary must not be empty']);
  });

  it('given no JSON object at all, when filled, then every required field comes from defaults', () => {
    expect(salvage(null, fillFromDefaults).output).toEqual({ score: 50, tier: 'a', summary: '' });
  });

  it('given an invalid output, when only valid fields are kept, then nothing is filled and the gaps are listed', () => {
    const result = salvage({ score: 150, tier: 'b', analysis: 'ok', extra: 1 }, keepValidFields);
    expect(result.output).toEqual({ tier: 'b', analysis: 'ok' });
    expect(result.filledFields).toEqual([]);
    expect(result.missingFields).toEqual(['score', 'summary']);
    expect(result.validation.isValid).toBe(false);
  });

  it('given a contract, when replaced with the template, then every deliverable is filled from defaults', () => {
    const result = replaceWithTemplate(contract);
    expect(result.output).toEqual({ score: 50, tier: 'a', summary: '', analysis: '' });
    expect(result.filledFields).toEqual(['score', 'tier', 'summary', 'analysis']);
    expect(result.missingFields).toEqual(['summary']);
  });

  it.each([
    ['findings[1].confidence', 'findings'],
    ['swot.threats[0]', 'swot'],
    ['score', 'score'],
    ['$', '$'],
  ])('given the error path %s, when its top-level field is taken, then it is %s', (field, top) => {
    expect(topLevelField({ field, rule: 'type', expected: '', actual: '', message: '' })).toBe(top);
  });
});
