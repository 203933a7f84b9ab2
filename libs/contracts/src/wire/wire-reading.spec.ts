import { type ContractProblem, isNonEmptyString, isWireObject, joinPath, reportUnknownKeys } from './wire-reading';

describe('wire reading helpers', () => {
  it('given JSON values, when asked for an object, then only non-null non-list objects are', () => {
    expect([{}, [], null, 'x'].map(isWireObject)).toEqual([true, false, false, false]);
  });

  it('given keys outside the allowed list, when reported, then each is a problem with its path and code', () => {
    const problems: ContractProblem[] = [];
    reportUnknownKeys({ rule: 'min', value: 1, flags: 'i', note: 'x' }, ['rule', 'value'], 'deliverables[0].validation_rules[1]', 'CV-003', problems);
    expect(problems).toEqual([
      { path: 'deliverables[0].validation_rules[1].flags', code: 'CV-003', message: 'unknown field flags' },
      { path: 'deliverables[0].validation_rules[1].note', code: 'CV-003', message: 'unknown field note' },
    ]);
  });

  it('given an empty parent path, when a key is joined, then the key stands alone', () => {
    expect([joinPath('', 'name'), joinPath('constraints', 'timeout_seconds')]).toEqual(['name', 'constraints.timeout_seconds']);
  });

  it('given blank, too long and fitting text, when checked, then only the fitting text passes', () => {
    expect([isNonEmptyString('  ', 5), isNonEmptyString('abcdef', 5), isNonEmptyString('abc', 5), isNonEmptyString(3, 5)]).toEqual([false, false, true, false]);
  });
});
