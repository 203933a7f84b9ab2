import { TYPE_TESTS, describeValue, typeNameOf } from './value-types';

describe('value types', () => {
  it.each([
    [3, 'int'],
    [3.5, 'float'],
    ['3', 'str'],
    [true, 'bool'],
    [[1], 'list'],
    [{ a: 1 }, 'dict'],
    [null, 'null'],
    [undefined, 'undefined'],
  ])('given %j, when named, then it is %s', (value, name) => {
    expect(typeNameOf(value)).toBe(name);
  });

  it('given 3, when checked, then it is an int and also acceptable as float', () => {
    expect([TYPE_TESTS.int(3), TYPE_TESTS.float(3)]).toEqual([true, true]);
  });

  it('given 3.5, when checked, then it is a float but not an int', () => {
    expect([TYPE_TESTS.int(3.5), TYPE_TESTS.float(3.5)]).toEqual([false, true]);
  });

  it('given true, when checked, then it is a bool and neither int nor float', () => {
    expect([TYPE_TESTS.bool(true), TYPE_TESTS.int(true), TYPE_TESTS.float(true)]).toEqual([true, false, false]);
  });

  it('given a list or null, when checked as dict, then neither is a dict', () => {
    expect([TYPE_TESTS.dict([]), TYPE_TESTS.dict(null), TYPE_TESTS.dict({})]).toEqual([false, false, true]);
  });

  it('given a long string, when described, then it is cut to 60 characters of JSON and an ellipsis', () => {
    expect(describeValue('x'.repeat(100))).toBe(`"${'x'.repeat(59)}…`);
    expect(describeValue('ok')).toBe('"ok"');
  });
});
