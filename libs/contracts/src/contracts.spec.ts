import { NO_CONTRACT, selectContract } from './contract-selection';
import { validateOutput, verdictFor } from './output-validation';

describe('contract selection', () => {
  it.each([
    [0.2, null, 'fail'],
    [0.55, 'general_response', 'fallback'],
    [0.75, 'general_response', 'retry'],
    [0.95, 'general_response', 'fail'],
  ])('given complexity %s, when a contract is selected, then it is %s with strategy %s', (complexity, name, strategy) => {
    expect(selectContract(complexity, true)).toMatchObject({ name, failureStrategy: strategy });
  });

  it('given contracts switched off, when selected, then no contract applies', () => {
    expect(selectContract(0.95, false)).toBe(NO_CONTRACT);
  });
});

describe('output validation', () => {
  it('given text, when validated, then it is valid and succeeds', () => {
    const result = validateOutput('an answer', NO_CONTRACT);
    expect(result).toEqual({ isValid: true, errors: [] });
    expect(verdictFor(result)).toBe('success');
  });

  it('given blank output, when validated, then a quotable not_empty error fails it', () => {
    const result = validateOutput('  ', selectContract(0.8, true));
    expect(result.errors).toEqual([
      { field: 'response', rule: 'not_empty', expected: 'non-empty text', actual: '"  "', message: 'response must not be empty (contract general_response)' },
    ]);
    expect(verdictFor(result)).toBe('fail');
  });
});
