import type { Contract, Deliverable } from '../model/contract';
import { ROOT_PATH, compileContract, validate, validateText, validatorFor } from './compile-contract';

const findings: Deliverable = {
  name: 'findings',
  type: 'list',
  description: 'Findings',
  required: false,
  validationRules: [
    {
      rule: 'items',
      value: {
        type: 'dict',
        validationRules: [],
        properties: [
          { name: 'claim', type: 'str', description: 'Claim', required: true, validationRules: [{ rule: 'not_empty' }] },
          { name: 'confidence', type: 'float', description: 'Confidence', required: true, validationRules: [{ rule: 'min', value: 0 }, { rule: 'max', value: 1 }] },
        ],
      },
    },
  ],
};

const contract: Contract = {
  name: 'lead_review',
  description: 'Scores a lead',
  version: '1.0.0',
  deliverables: [
    { name: 'score', type: 'int', description: 'Overall score from 0-100', required: true, validationRules: [{ rule: 'min', value: 0 }, { rule: 'max', value: 100 }] },
    { name: 'recommendation', type: 'str', description: 'Recommended action', required: true, validationRules: [] },
    { name: 'analysis', type: 'str', description: 'Detailed analysis', required: false, validationRules: [] },
    findings,
  ],
  constraints: { maxTotalTokens: 1000, maxToolCalls: 0, timeoutSeconds: 30, warnThreshold: 0.8 },
  failureStrategy: 'retry',
  maxRetries: 2,
};

describe('contract validation', () => {
  it('given an output meeting every deliverable, when validated, then it is valid', () => {
    expect(validate({ score: 75, recommendation: 'Schedule demo', findings: [{ claim: 'Has budget', confidence: 0.9 }] }, contract)).toEqual({ isValid: true, errors: [] });
  });

  it('given a missing required field and a null one, when validated, then each is a required error; optional fields may be absent or null', () => {
    expect(validate({ score: null, analysis: null }, contract).errors).toEqual([
      { field: 'score', rule: 'required', expected: 'int', actual: 'null', message: 'score is required but null' },
      { field: 'recommendation', rule: 'required', expected: 'str', actual: 'missing', message: 'recommendation is required but missing' },
    ]);
  });

  it('given a score as text, when validated, then the type error reads "score must be int, not str" and no rule runs on it', () => {
    expect(validate({ score: '75', recommendation: 'Call' }, contract).errors).toEqual([
      { field: 'score', rule: 'type', expected: 'int', actual: 'str', message: 'score must be int, not str' },
    ]);
  });

  it.each([
    [3.5, ['score must be int, not float']],
    [true, ['score must be int, not bool']],
    [101, ['score must be <= 100, got 101']],
  ])('given score %j, when validated, then the errors are %j', (score, messages) => {
    expect(validate({ score, recommendation: 'Call' }, contract).errors.map((error) => error.message)).toEqual(messages);
  });

  it('given an int where a float is expected, when validated, then it is accepted', () => {
    expect(validate({ score: 1, recommendation: 'Call', findings: [{ claim: 'x', confidence: 1 }] }, contract).isValid).toBe(true);
  });

  it('given bad list elements, when validated, then errors name the nested paths', () => {
    const output = { score: 1, recommendation: 'Call', findings: [{ claim: 'ok', confidence: 0.5 }, { claim: ' ', confidence: 1.5 }, 'text'] };
    expect(validate(output, contract).errors.map((error) => [error.field, error.message])).toEqual([
      ['findings[1].claim', 'findings[1].claim must not be empty'],
      ['findings[1].confidence', 'findings[1].confidence must be <= 1, got 1.5'],
      ['findings[2]', 'findings[2] must be dict, not str'],
    ]);
  });

  it('given a list instead of an object, when validated, then the output as a whole is a type error', () => {
    expect(validate([1], contract).errors).toEqual([
      { field: ROOT_PATH, rule: 'type', expected: 'dict', actual: 'list', message: 'the response must be a JSON object (dict), not list' },
    ]);
  });

  it('given a deliverable named like an Object.prototype member, when absent, then it is missing rather than inherited', () => {
    const tricky = { name: 'tricky', deliverables: [{ name: 'constructor', type: 'str' as const, description: '', required: true, validationRules: [] }] };
    expect(validate({}, tricky).errors.map((error) => error.message)).toEqual(['constructor is required but missing']);
  });

  it('given an LLM answer with the object inside a fence, when validated as text, then the object is returned with its verdict', () => {
    const result = validateText('Sure!\n```json\n{"score": 80, "recommendation": "Call"}\n```', contract);
    expect(result).toEqual({ isValid: true, errors: [], output: { score: 80, recommendation: 'Call' } });
  });

  it('given prose with no JSON, when validated as text, then one json error is quotable and there is no output', () => {
    expect(validateText('I think the lead is good.', contract)).toEqual({
      isValid: false,
      output: null,
      errors: [
        {
          field: ROOT_PATH,
          rule: 'json',
          expected: 'a JSON object',
          actual: '"I think the lead is good."',
          message: 'the response must be a JSON object: no JSON object found in the text',
        },
      ],
    });
  });

  it('given the same contract object twice, when a validator is asked for, then the compiled one is reused', () => {
    expect(validatorFor(contract)).toBe(validatorFor(contract));
    expect(validatorFor(contract).contractName).toBe('lead_review');
  });

  it('given a lower pattern input limit, when compiled, then longer strings are reported instead of matched', () => {
    const patterned = { name: 'codes', deliverables: [{ name: 'code', type: 'str' as const, description: '', required: true, validationRules: [{ rule: 'pattern' as const, value: '^a+$' }] }] };
    expect(compileContract(patterned, { maxPatternInput: 3 }).validate({ code: 'aaaa' }).errors[0].message).toBe(
      'code is too long to check against /^a+$/ (4 characters, limit 3)',
    );
  });
});
