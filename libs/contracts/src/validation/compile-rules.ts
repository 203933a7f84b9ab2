import type { ErrorRule, ValidationError } from '../model/validation-result';
import { type ValueRule, renderRule } from '../rules/render-rule';
import { describeValue } from './value-types';

/** Checks one value at `path` and appends what is wrong; the value's type has already been checked. */
export type ValueCheck = (value: unknown, path: string, errors: ValidationError[]) => void;

/** The spec's bound on what a pattern is run against, so even a slow pattern has a ceiling. */
export const DEFAULT_MAX_PATTERN_INPUT = 10_000;

export interface RuleOptions {
  maxPatternInput: number;
}

const hasNonSpace = /\S/;
type Lengthy = string | unknown[];

/** Turns a rule into a check once per contract, so validation does no parsing or regex compiling. */
export function compileValueRule(rule: ValueRule, options: RuleOptions): ValueCheck {
  const expected = renderRule(rule);
  const fail = (path: string, value: unknown, message: string, errors: ValidationError[], errorRule: ErrorRule = rule.rule) =>
    errors.push({ field: path, rule: errorRule, expected, actual: describeValue(value), message });
  switch (rule.rule) {
    case 'min':
      return (value, path, errors) => {
        if ((value as number) < rule.value) fail(path, value, `${path} must be >= ${rule.value}, got ${describeValue(value)}`, errors);
      };
    case 'max':
      return (value, path, errors) => {
        if ((value as number) > rule.value) fail(path, value, `${path} must be <= ${rule.value}, got ${describeValue(value)}`, errors);
      };
    case 'min_length':
      return (value, path, errors) => {
        const { length } = value as Lengthy;
        if (length < rule.value) fail(path, value, `${path} must have length >= ${rule.value}, got ${length}`, errors);
      };
    case 'max_length':
      return (value, path, errors) => {
        const { length } = value as Lengthy;
        if (length > rule.value) fail(path, value, `${path} must have length <= ${rule.value}, got ${length}`, errors);
      };
    case 'pattern': {
      const regex = new RegExp(rule.value);
      return (value, path, errors) => {
        const text = value as string;
        if (text.length > options.maxPatternInput) {
          fail(path, value, `${path} is too long to check against /${rule.value}/ (${text.length} characters, limit ${options.maxPatternInput})`, errors);
        } else if (!regex.test(text)) fail(path, value, `${path} must match /${rule.value}/, got ${describeValue(value)}`, errors);
      };
    }
    case 'enum': {
      const allowed = new Set<unknown>(rule.value);
      return (value, path, errors) => {
        if (!allowed.has(value)) fail(path, value, `${path} must be ${expected}, got ${describeValue(value)}`, errors);
      };
    }
    case 'not_empty':
      return (value, path, errors) => {
        if (isEmpty(value)) fail(path, value, `${path} must not be empty`, errors);
      };
  }
}

function isEmpty(value: unknown): boolean {
  if (typeof value === 'string') return !hasNonSpace.test(value);
  if (Array.isArray(value)) return value.length === 0;
  for (const key in value as object) if (Object.hasOwn(value as object, key)) return false;
  return true;
}
