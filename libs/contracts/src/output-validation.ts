import type { SelectedContract } from './contract-selection';

export interface ValidationError {
  field: string;
  rule: string;
  expected: string;
  actual: string;
  message: string;
}

export interface ValidationResult {
  isValid: boolean;
  errors: ValidationError[];
}

export type Verdict = 'success' | 'fail';

/** Every response must carry text; a contract's required fields are checked by later issues' validator. */
export function validateOutput(output: string, contract: SelectedContract): ValidationResult {
  const errors: ValidationError[] = [];
  if (output.trim().length === 0) {
    errors.push({
      field: 'response',
      rule: 'not_empty',
      expected: 'non-empty text',
      actual: JSON.stringify(output),
      message: `response must not be empty${contract.name ? ` (contract ${contract.name})` : ''}`,
    });
  }
  return { isValid: errors.length === 0, errors };
}

export function verdictFor(result: ValidationResult): Verdict {
  return result.isValid ? 'success' : 'fail';
}
