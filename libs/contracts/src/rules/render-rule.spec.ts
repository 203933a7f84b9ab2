import { type ValueRule, renderRule } from './render-rule';

describe('rule rendering', () => {
  it.each([
    [{ rule: 'min', value: 0 }, 'value >= 0'],
    [{ rule: 'max', value: 100 }, 'value <= 100'],
    [{ rule: 'min_length', value: 3 }, 'length >= 3'],
    [{ rule: 'max_length', value: 500 }, 'length <= 500'],
    [{ rule: 'pattern', value: '^[A-Z]{2}$' }, 'matches /^[A-Z]{2}$/'],
    [{ rule: 'enum', value: ['hot', 'warm', 1, null] }, 'one of [hot, warm, 1, null]'],
    [{ rule: 'not_empty' }, 'not empty'],
  ] as [ValueRule, string][])('given %j, when rendered, then it reads %s', (rule, text) => {
    expect(renderRule(rule)).toBe(text);
  });
});
