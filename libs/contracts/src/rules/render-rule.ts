import type { ValidationRule } from '../model/contract';

/** The rules that check a value itself; `items` instead hands rules down to each element. */
export type ValueRule = Exclude<ValidationRule, { rule: 'items' }>;

/** A rule in the readable form prompts and error messages use, e.g. `value >= 0`, `one of [a, b]`. */
export function renderRule(rule: ValueRule): string {
  switch (rule.rule) {
    case 'min':
      return `value >= ${rule.value}`;
    case 'max':
      return `value <= ${rule.value}`;
    case 'min_length':
      return `length >= ${rule.value}`;
    case 'max_length':
      return `length <= ${rule.value}`;
    case 'pattern':
      return `matches /${rule.value}/`;
    case 'enum':
      return `one of [${rule.value.map(String).join(', ')}]`;
    case 'not_empty':
      return 'not empty';
  }
}
