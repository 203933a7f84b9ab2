import { validateUncontractedOutput } from './uncontracted-output';

describe('output without a contract', () => {
  it('given any text, when validated, then it is valid', () => {
    expect(validateUncontractedOutput('an answer')).toEqual({ isValid: true, errors: [] });
  });

  it('given blank text, when validated, then a quotable not_empty error fails it', () => {
    expect(validateUncontractedOutput('  ')).toEqual({
      isValid: false,
      errors: [{ field: '$', rule: 'not_empty', expected: 'not empty', actual: '"  "', message: 'the response must not be empty' }],
    });
  });
});
