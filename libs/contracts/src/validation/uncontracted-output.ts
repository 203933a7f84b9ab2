import type { ValidationResult } from '../model/validation-result';
import { ROOT_PATH } from './compile-contract';
import { describeValue } from './value-types';

/** With no contract selected, an answer only has to say something. */
export function validateUncontractedOutput(text: string): ValidationResult {
  if (text.trim().length > 0) return { isValid: true, errors: [] };
  return {
    isValid: false,
    errors: [{ field: ROOT_PATH, rule: 'not_empty', expected: 'not empty', actual: describeValue(text), message: 'the response must not be empty' }],
  };
}
