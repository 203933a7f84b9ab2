import type { DeliverableType } from '../model/contract';

/** A value's type in the spec's words; 3 is int, 3.5 is float, and anything outside JSON keeps its JS name. */
export function typeNameOf(value: unknown): DeliverableType | 'null' | string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) ? 'int' : 'float';
    case 'string':
      return 'str';
    case 'object':
      return 'dict';
    default:
      return typeof value;
  }
}

/** Whether a value is of a deliverable type: an int is acceptable as float, a bool is never a number. */
export const TYPE_TESTS: Record<DeliverableType, (value: unknown) => boolean> = {
  int: (value) => Number.isInteger(value),
  float: (value) => typeof value === 'number' && Number.isFinite(value),
  str: (value) => typeof value === 'string',
  bool: (value) => typeof value === 'boolean',
  list: (value) => Array.isArray(value),
  dict: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
};

const MAX_SHOWN_CHARACTERS = 60;

/** A value as an error shows it: JSON, cut short so one long answer cannot flood a retry prompt. */
export function describeValue(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > MAX_SHOWN_CHARACTERS ? `${json.slice(0, MAX_SHOWN_CHARACTERS)}…` : json;
}
