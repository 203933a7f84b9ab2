import { type DeliverableType, type ElementSpec, RULE_KINDS, type RuleKind, type ValidationRule } from '../model/contract';
import type { JsonScalar } from '../model/json-value';
import { patternProblem } from '../rules/pattern-safety';
import { TYPE_TESTS } from '../validation/value-types';
import { type ContractProblem, isWireObject, joinPath, reportUnknownKeys } from './wire-reading';

/** Which types each rule can check; anything else is a CV-003 at parse time, never a surprise later. */
const RULE_TYPES: Record<RuleKind, readonly DeliverableType[]> = {
  min: ['int', 'float'],
  max: ['int', 'float'],
  min_length: ['str', 'list'],
  max_length: ['str', 'list'],
  pattern: ['str'],
  enum: ['int', 'float', 'str', 'bool'],
  not_empty: ['str', 'list', 'dict'],
  items: ['list'],
};

export type ElementSpecParser = (input: unknown, path: string) => ElementSpec | undefined;

/** Parses `validation_rules` for a value of `type`; `parseItems` reads an `items` rule's element spec. */
export function parseValidationRules(
  input: unknown,
  type: DeliverableType,
  path: string,
  problems: ContractProblem[],
  parseItems: ElementSpecParser,
): ValidationRule[] {
  if (input === undefined) return [];
  if (!Array.isArray(input)) {
    problems.push({ path, code: 'CV-003', message: 'validation_rules must be a list' });
    return [];
  }
  const rules: ValidationRule[] = [];
  input.forEach((entry, index) => {
    const rule = parseRule(entry, type, `${path}[${index}]`, problems, parseItems);
    if (!rule) return;
    if (rule.rule === 'items' && rules.some((earlier) => earlier.rule === 'items')) {
      problems.push({ path: `${path}[${index}]`, code: 'CV-003', message: 'only one items rule is allowed' });
    } else rules.push(rule);
  });
  reportContradictions(rules, input, path, problems);
  return rules;
}

function parseRule(input: unknown, type: DeliverableType, path: string, problems: ContractProblem[], parseItems: ElementSpecParser): ValidationRule | undefined {
  const problem = (message: string, at = path) => {
    problems.push({ path: at, code: 'CV-003', message });
    return undefined;
  };
  if (!isWireObject(input)) return problem('a rule must be an object like {"rule": "min", "value": 0}');
  reportUnknownKeys(input, ['rule', 'value'], path, 'CV-003', problems);
  const kind = input.rule;
  if (typeof kind !== 'string' || !(RULE_KINDS as readonly string[]).includes(kind)) {
    return problem(`rule must be one of ${RULE_KINDS.join(', ')}`, joinPath(path, 'rule'));
  }
  const rule = kind as RuleKind;
  if (!RULE_TYPES[rule].includes(type)) return problem(`${rule} does not apply to ${type} (only to ${RULE_TYPES[rule].join(', ')})`, joinPath(path, 'rule'));
  const { value } = input;
  const valuePath = joinPath(path, 'value');
  switch (rule) {
    case 'min':
    case 'max':
      return typeof value === 'number' && Number.isFinite(value) ? { rule, value } : problem(`${rule} needs a number`, valuePath);
    case 'min_length':
    case 'max_length':
      return Number.isInteger(value) && (value as number) >= 0 ? { rule, value: value as number } : problem(`${rule} needs a whole number >= 0`, valuePath);
    case 'pattern': {
      if (typeof value !== 'string') return problem('pattern needs a regular expression as a string', valuePath);
      const unsafe = patternProblem(value);
      return unsafe ? problem(unsafe, valuePath) : { rule, value };
    }
    case 'enum':
      return parseEnum(value, type, valuePath, problems);
    case 'not_empty':
      return value === undefined || value === true ? { rule } : problem('not_empty takes no value', valuePath);
    case 'items': {
      const spec = parseItems(value, valuePath);
      return spec && { rule, value: spec };
    }
  }
}

function parseEnum(value: unknown, type: DeliverableType, path: string, problems: ContractProblem[]): ValidationRule | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push({ path, code: 'CV-003', message: 'enum needs a non-empty list of allowed values' });
    return undefined;
  }
  const wrong = value.findIndex((option) => !TYPE_TESTS[type](option));
  if (wrong !== -1) {
    problems.push({ path: `${path}[${wrong}]`, code: 'CV-003', message: `enum value ${JSON.stringify(value[wrong])} is not ${type}` });
    return undefined;
  }
  return { rule: 'enum', value: value as JsonScalar[] };
}

type BoundRule = Extract<ValidationRule, { rule: 'min' | 'max' | 'min_length' | 'max_length' }>;
const BOUND_KINDS: readonly string[] = ['min', 'max', 'min_length', 'max_length'];
const isBound = (rule: ValidationRule): rule is BoundRule => BOUND_KINDS.includes(rule.rule);

/** A lower bound above the upper one can never be met: the contract would reject every output. */
function reportContradictions(rules: ValidationRule[], input: unknown[], path: string, problems: ContractProblem[]): void {
  const bounds = rules.filter(isBound);
  for (const [lower, upper] of [['min', 'max'], ['min_length', 'max_length']] as const) {
    const low = bounds.find((rule) => rule.rule === lower)?.value;
    const high = bounds.find((rule) => rule.rule === upper)?.value;
    if (low !== undefined && high !== undefined && low > high) {
      const index = input.findIndex((entry) => isWireObject(entry) && entry.rule === upper);
      problems.push({ path: `${path}[${index}].value`, code: 'CV-003', message: `${upper} ${high} is below ${lower} ${low}` });
    }
  }
}
