import type { ValidationError } from '../model/validation-result';
import type { ValueRule } from '../rules/render-rule';
import { compileValueRule } from './compile-rules';

const errorsOf = (rule: ValueRule, value: unknown, maxPatternInput = 100): ValidationError[] => {
  const errors: ValidationError[] = [];
  compileValueRule(rule, { maxPatternInput })(value, 'field', errors);
  return errors;
};

describe('compiled rules', () => {
  it.each([
    [{ rule: 'min', value: 0 }, -5, 'field must be >= 0, got -5'],
    [{ rule: 'max', value: 100 }, 150, 'field must be <= 100, got 150'],
    [{ rule: 'min_length', value: 3 }, 'ab', 'field must have length >= 3, got 2'],
    [{ rule: 'max_length', value: 1 }, [1, 2], 'field must have length <= 1, got 2'],
    [{ rule: 'pattern', value: '^[A-Z]{2}$' }, 'usa', 'field must match /^[A-Z]{2}$/, got "usa"'],
    [{ rule: 'enum', value: ['hot', 'warm'] }, 'cold', 'field must be one of [hot, warm], got "cold"'],
    [{ rule: 'not_empty' }, '  \n', 'field must not be empty'],
    [{ rule: 'not_empty' }, [], 'field must not be empty'],
    [{ rule: 'not_empty' }, {}, 'field must not be empty'],
  ] as [ValueRule, unknown, string][])('given %j and %j, when checked, then the error says %s', (rule, value, message) => {
    expect(errorsOf(rule, value).map((error) => error.message)).toEqual([message]);
  });

  it.each([
    [{ rule: 'min', value: 0 }, 0],
    [{ rule: 'max', value: 100 }, 100],
    [{ rule: 'min_length', value: 2 }, 'ab'],
    [{ rule: 'max_length', value: 2 }, [1, 2]],
    [{ rule: 'pattern', value: '^[A-Z]{2}$' }, 'US'],
    [{ rule: 'enum', value: ['hot', 3] }, 3],
    [{ rule: 'not_empty' }, ' x '],
    [{ rule: 'not_empty' }, { a: null }],
  ] as [ValueRule, unknown][])('given %j and the boundary value %j, when checked, then there is no error', (rule, value) => {
    expect(errorsOf(rule, value)).toEqual([]);
  });

  it('given a min rule, when it fails, then the error carries rule, expected and actual for the prompt', () => {
    expect(errorsOf({ rule: 'min', value: 0 }, -1)).toEqual([
      { field: 'field', rule: 'min', expected: 'value >= 0', actual: '-1', message: 'field must be >= 0, got -1' },
    ]);
  });

  it('given a string longer than the pattern input limit, when checked, then it is reported without running the pattern', () => {
    expect(errorsOf({ rule: 'pattern', value: '^a+$' }, 'a'.repeat(101), 100)).toEqual([
      {
        field: 'field',
        rule: 'pattern',
        expected: 'matches /^a+$/',
        actual: `"${'a'.repeat(59)}…`,
        message: 'field is too long to check against /^a+$/ (101 characters, limit 100)',
      },
    ]);
    expect(errorsOf({ rule: 'pattern', value: '^a+$' }, 'a'.repeat(100), 100)).toEqual([]);
  });
});
