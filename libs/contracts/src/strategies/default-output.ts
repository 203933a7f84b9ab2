import type { ContractShape, Deliverable, ElementSpec } from '../model/contract';
import type { JsonObject, JsonValue } from '../model/json-value';

/** A deliverable's stand-in value: its example (checked against its rules at parse time), else a type default. */
export function defaultValueFor(deliverable: Deliverable): JsonValue {
  return deliverable.example ?? typeDefault(deliverable);
}

/**
 * The plainest value of a type that the rules allow where that is easy: the first enum option, the
 * lower bound of a number. Rules a default cannot meet (not_empty, pattern, min_length) stay unmet,
 * and the output's validation says so.
 */
export function typeDefault(spec: ElementSpec): JsonValue {
  const enumRule = spec.validationRules.find((rule) => rule.rule === 'enum');
  if (enumRule) return enumRule.value[0];
  switch (spec.type) {
    case 'int':
    case 'float':
      return numberDefault(spec);
    case 'str':
      return '';
    case 'bool':
      return false;
    case 'list':
      return [];
    case 'dict':
      return Object.fromEntries((spec.properties ?? []).filter((property) => property.required).map((property) => [property.name, defaultValueFor(property)]));
  }
}

/** The contract's template output: every deliverable at its default, whatever the model said. */
export function templateOutput(contract: ContractShape): JsonObject {
  return Object.fromEntries(contract.deliverables.map((deliverable) => [deliverable.name, defaultValueFor(deliverable)]));
}

function numberDefault(spec: ElementSpec): number {
  let value = 0;
  for (const rule of spec.validationRules) {
    if (rule.rule === 'min') value = Math.max(value, rule.value);
  }
  for (const rule of spec.validationRules) {
    if (rule.rule === 'max') value = Math.min(value, rule.value);
  }
  return spec.type === 'int' ? Math.ceil(value) : value;
}
