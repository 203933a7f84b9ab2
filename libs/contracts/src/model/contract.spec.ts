import { type ElementSpec, itemSpecOf } from './contract';

describe('contract model', () => {
  it('given a list with an items rule, when its element spec is asked for, then the rule value is returned', () => {
    const element: ElementSpec = { type: 'str', validationRules: [{ rule: 'not_empty' }] };
    expect(itemSpecOf({ type: 'list', validationRules: [{ rule: 'min_length', value: 1 }, { rule: 'items', value: element }] })).toBe(element);
  });

  it('given a list without an items rule, when its element spec is asked for, then there is none', () => {
    expect(itemSpecOf({ type: 'list', validationRules: [{ rule: 'min_length', value: 1 }] })).toBeUndefined();
  });
});
