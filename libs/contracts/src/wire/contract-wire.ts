import type { Contract, Deliverable, DeliverableType, ElementSpec, FailureStrategy, RuleKind, ValidationRule } from '../model/contract';
import type { JsonObject, JsonValue } from '../model/json-value';

/** The snake_case form contracts take in JSON (API bodies, storage, the spec's examples). */
export interface ValidationRuleWire {
  rule: RuleKind;
  /** Absent for not_empty; the elements' spec for items. */
  value?: JsonValue | ElementSpecWire;
}

export interface ElementSpecWire {
  type: DeliverableType;
  validation_rules: ValidationRuleWire[];
  properties?: DeliverableWire[];
}

export interface DeliverableWire extends ElementSpecWire {
  name: string;
  description: string;
  required: boolean;
  example?: JsonValue;
}

export interface ContractConstraintsWire {
  max_total_tokens: number;
  max_tool_calls: number;
  timeout_seconds: number;
  warn_threshold: number;
}

export interface ContractWire {
  name: string;
  description: string;
  version: string;
  deliverables: DeliverableWire[];
  constraints: ContractConstraintsWire;
  failure_strategy: FailureStrategy;
  max_retries: number;
  metadata?: JsonObject;
}

export function contractToWire(contract: Contract): ContractWire {
  return {
    name: contract.name,
    description: contract.description,
    version: contract.version,
    deliverables: contract.deliverables.map(deliverableToWire),
    constraints: {
      max_total_tokens: contract.constraints.maxTotalTokens,
      max_tool_calls: contract.constraints.maxToolCalls,
      timeout_seconds: contract.constraints.timeoutSeconds,
      warn_threshold: contract.constraints.warnThreshold,
    },
    failure_strategy: contract.failureStrategy,
    max_retries: contract.maxRetries,
    ...(contract.metadata ? { metadata: contract.metadata } : {}),
  };
}

function deliverableToWire(deliverable: Deliverable): DeliverableWire {
  return {
    name: deliverable.name,
    description: deliverable.description,
    required: deliverable.required,
    ...elementToWire(deliverable),
    ...(deliverable.example === undefined ? {} : { example: deliverable.example }),
  };
}

function elementToWire(spec: ElementSpec): ElementSpecWire {
  return {
    type: spec.type,
    validation_rules: spec.validationRules.map(ruleToWire),
    ...(spec.properties ? { properties: spec.properties.map(deliverableToWire) } : {}),
  };
}

function ruleToWire(rule: ValidationRule): ValidationRuleWire {
  switch (rule.rule) {
    case 'not_empty':
      return { rule: 'not_empty' };
    case 'items':
      return { rule: 'items', value: elementToWire(rule.value) };
    default:
      return { rule: rule.rule, value: rule.value };
  }
}
