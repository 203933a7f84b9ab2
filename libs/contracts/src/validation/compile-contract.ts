import { type ContractShape, type Deliverable, type ElementSpec, itemSpecOf } from '../model/contract';
import type { JsonObject } from '../model/json-value';
import type { OutputValidation, ValidationError, ValidationResult } from '../model/validation-result';
import type { ValueRule } from '../rules/render-rule';
import { DEFAULT_MAX_PATTERN_INPUT, type RuleOptions, type ValueCheck, compileValueRule } from './compile-rules';
import { extractJsonObject } from './output-json';
import { TYPE_TESTS, describeValue, typeNameOf } from './value-types';

export interface ContractValidator {
  readonly contractName: string;
  /** Checks an already parsed output (an object is expected). */
  validate(output: unknown): ValidationResult;
  /** Finds the JSON object in a model's text answer, then checks it. */
  validateText(text: string): OutputValidation;
}

/** Path of the output as a whole in errors. */
export const ROOT_PATH = '$';

/**
 * Compiles a contract into a validator: rules become closures and patterns RegExps once, so that a
 * validation only walks the output. Compile once per contract version and keep the validator.
 */
export function compileContract(contract: ContractShape, options: Partial<RuleOptions> = {}): ContractValidator {
  const ruleOptions: RuleOptions = { maxPatternInput: options.maxPatternInput ?? DEFAULT_MAX_PATTERN_INPUT };
  const checkFields = compileFields(contract.deliverables, ruleOptions);
  const validateObject = (output: unknown): ValidationResult => {
    const errors: ValidationError[] = [];
    if (TYPE_TESTS.dict(output)) checkFields(output as JsonObject, '', errors);
    else errors.push(notAnObject(output));
    return { isValid: errors.length === 0, errors };
  };
  return {
    contractName: contract.name,
    validate: validateObject,
    validateText(text) {
      const extraction = extractJsonObject(text);
      if ('problem' in extraction) {
        const error: ValidationError = {
          field: ROOT_PATH,
          rule: 'json',
          expected: 'a JSON object',
          actual: describeValue(text),
          message: `the response must be a JSON object: ${extraction.problem}`,
        };
        return { isValid: false, errors: [error], output: null };
      }
      return { ...validateObject(extraction.object), output: extraction.object };
    },
  };
}

const cache = new WeakMap<ContractShape, ContractValidator>();

/** The validator for a contract object, compiled on first use and kept as long as the object lives. */
export function validatorFor(contract: ContractShape): ContractValidator {
  let validator = cache.get(contract);
  if (!validator) {
    validator = compileContract(contract);
    cache.set(contract, validator);
  }
  return validator;
}

export function validate(output: unknown, contract: ContractShape): ValidationResult {
  return validatorFor(contract).validate(output);
}

export function validateText(text: string, contract: ContractShape): OutputValidation {
  return validatorFor(contract).validateText(text);
}

/** A check for one value of the given spec: type first, then its rules, elements and properties. */
export function compileElement(spec: ElementSpec, options: RuleOptions): ValueCheck {
  const isOfType = TYPE_TESTS[spec.type];
  const ruleChecks = spec.validationRules.filter((rule): rule is ValueRule => rule.rule !== 'items').map((rule) => compileValueRule(rule, options));
  const items = itemSpecOf(spec);
  const checkItem = items && compileElement(items, options);
  const checkProperties = spec.properties && compileFields(spec.properties, options);
  return (value, path, errors) => {
    if (!isOfType(value)) {
      const actual = typeNameOf(value);
      errors.push({ field: path, rule: 'type', expected: spec.type, actual, message: `${path} must be ${spec.type}, not ${actual}` });
      return;
    }
    for (const check of ruleChecks) check(value, path, errors);
    if (checkItem) (value as unknown[]).forEach((item, index) => checkItem(item, `${path}[${index}]`, errors));
    if (checkProperties) checkProperties(value as JsonObject, path, errors);
  };
}

type FieldsCheck = (object: JsonObject, parentPath: string, errors: ValidationError[]) => void;

/** Null counts as absent: models often write null for a field they could not fill. */
function compileFields(deliverables: Deliverable[], options: RuleOptions): FieldsCheck {
  const fields = deliverables.map((deliverable) => ({
    name: deliverable.name,
    type: deliverable.type,
    required: deliverable.required,
    check: compileElement(deliverable, options),
  }));
  return (object, parentPath, errors) => {
    for (const field of fields) {
      const path = parentPath === '' ? field.name : `${parentPath}.${field.name}`;
      const value = Object.hasOwn(object, field.name) ? object[field.name] : undefined;
      if (value === undefined || value === null) {
        if (field.required) {
          const actual = value === null ? 'null' : 'missing';
          errors.push({ field: path, rule: 'required', expected: field.type, actual, message: `${path} is required but ${actual}` });
        }
      } else field.check(value, path, errors);
    }
  };
}

function notAnObject(output: unknown): ValidationError {
  const actual = typeNameOf(output);
  return { field: ROOT_PATH, rule: 'type', expected: 'dict', actual, message: `the response must be a JSON object (dict), not ${actual}` };
}
