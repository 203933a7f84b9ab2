import type { JsonObject } from './json-value';

/** `required`, `type` and `json` besides the rule kinds: each error names the check that failed. */
export type ErrorRule = 'required' | 'type' | 'json' | 'min' | 'max' | 'min_length' | 'max_length' | 'pattern' | 'enum' | 'not_empty';

export interface ValidationError {
  /** Path into the output, e.g. `findings[1].confidence`; `$` is the output as a whole. */
  field: string;
  rule: ErrorRule;
  expected: string;
  actual: string;
  /** One sentence that can be quoted to the model as is, e.g. "score must be int, not str". */
  message: string;
}

export interface ValidationResult {
  isValid: boolean;
  errors: ValidationError[];
}

/** A validated model response: `output` is the JSON object found in the text, null when there was none. */
export interface OutputValidation extends ValidationResult {
  output: JsonObject | null;
}
