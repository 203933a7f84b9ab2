import type { DeliverableType } from '../model/contract';
import { parseValidationRules } from './parse-validation-rules';
import type { ContractProblem } from './wire-reading';

const parse = (input: unknown, type: DeliverableType = 'str') => {
  const problems: ContractProblem[] = [];
  const rules = parseValidationRules(input, type, 'deliverables[2].validation_rules', problems, () => ({ type: 'str', validationRules: [] }));
  return { rules, problems };
};

describe('parsing validation rules', () => {
  it('given absent rules, when parsed, then there are none', () => {
    expect(parse(undefined)).toEqual({ rules: [], problems: [] });
  });

  it('given a rule per kind on fitting types, when parsed, then each becomes data', () => {
    expect(parse([{ rule: 'min_length', value: 2 }, { rule: 'pattern', value: '^[a-z]+$' }, { rule: 'enum', value: ['a', 'b'] }, { rule: 'not_empty' }]).rules).toEqual([
      { rule: 'min_length', value: 2 },
      { rule: 'pattern', value: '^[a-z]+$' },
      { rule: 'enum', value: ['a', 'b'] },
      { rule: 'not_empty' },
    ]);
    expect(parse([{ rule: 'min', value: 0 }, { rule: 'max', value: 1.5 }], 'float').rules).toEqual([{ rule: 'min', value: 0 }, { rule: 'max', value: 1.5 }]);
    expect(parse([{ rule: 'items', value: {} }], 'list').rules).toEqual([{ rule: 'items', value: { type: 'str', validationRules: [] } }]);
  });

  it.each([
    [[{ rule: 'min', value: 'zero' }], 'int', 'deliverables[2].validation_rules[0].value', 'min needs a number'],
    [[{ rule: 'max_length', value: -1 }], 'str', 'deliverables[2].validation_rules[0].value', 'max_length needs a whole number >= 0'],
    [[{ rule: 'min', value: 1 }], 'str', 'deliverables[2].validation_rules[0].rule', 'min does not apply to str (only to int, float)'],
    [[{ rule: 'regex', value: 'a' }], 'str', 'deliverables[2].validation_rules[0].rule', 'rule must be one of min, max, min_length, max_length, pattern, enum, not_empty, items'],
    [[{ rule: 'pattern', value: '(a+)+$' }], 'str', 'deliverables[2].validation_rules[0].value', 'nested quantifiers, as in (a+)+, are not allowed'],
    [[{ rule: 'pattern', value: 5 }], 'str', 'deliverables[2].validation_rules[0].value', 'pattern needs a regular expression as a string'],
    [[{ rule: 'enum', value: [] }], 'str', 'deliverables[2].validation_rules[0].value', 'enum needs a non-empty list of allowed values'],
    [[{ rule: 'enum', value: ['a', 2] }], 'str', 'deliverables[2].validation_rules[0].value[1]', 'enum value 2 is not str'],
    [[{ rule: 'not_empty', value: false }], 'str', 'deliverables[2].validation_rules[0].value', 'not_empty takes no value'],
    [[{ rule: 'min', value: 1, flags: 'i' }], 'int', 'deliverables[2].validation_rules[0].flags', 'unknown field flags'],
    [['min'], 'int', 'deliverables[2].validation_rules[0]', 'a rule must be an object like {"rule": "min", "value": 0}'],
    [{ rule: 'min' }, 'int', 'deliverables[2].validation_rules', 'validation_rules must be a list'],
    [[{ rule: 'min', value: 5 }, { rule: 'max', value: 3 }], 'int', 'deliverables[2].validation_rules[1].value', 'max 3 is below min 5'],
    [[{ rule: 'items', value: {} }, { rule: 'items', value: {} }], 'list', 'deliverables[2].validation_rules[1]', 'only one items rule is allowed'],
  ] as [unknown, DeliverableType, string, string][])('given %j on %s, when parsed, then CV-003 at %s says %s', (input, type, path, message) => {
    expect(parse(input, type).problems).toEqual([{ path, code: 'CV-003', message }]);
  });
});
