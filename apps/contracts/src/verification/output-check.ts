import { type Contract, type ValidationResult, validatorFor } from '@sigil/contracts';

/**
 * An output checked against a contract, as the validate query asks: JSON text of any value (a
 * value that is not an object fails as such), or an LLM's raw text, in which the JSON object is
 * looked for. Text that should be JSON but is not fails with a `json` error rather than the query.
 */
export function checkOutput(contract: Contract, output: string, isText: boolean): ValidationResult {
  const validator = validatorFor(contract);
  if (isText) {
    const { isValid, errors } = validator.validateText(output);
    return { isValid, errors };
  }
  let value: unknown;
  try {
    value = JSON.parse(output);
  } catch (error) {
    return {
      isValid: false,
      errors: [{ field: '$', rule: 'json', expected: 'JSON text', actual: 'invalid JSON', message: `output_json is not JSON: ${(error as Error).message}` }],
    };
  }
  return validator.validate(value);
}
