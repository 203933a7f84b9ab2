import type { JsonObject, JsonScalar, JsonValue } from './json-value';

/** The spec's deliverable types, named as the prompts show them to the model. */
export const DELIVERABLE_TYPES = ['int', 'float', 'str', 'bool', 'list', 'dict'] as const;
export type DeliverableType = (typeof DELIVERABLE_TYPES)[number];

export const FAILURE_STRATEGIES = ['retry', 'fallback', 'partial', 'template', 'escalate', 'fail'] as const;
export type FailureStrategy = (typeof FAILURE_STRATEGIES)[number];

export const RULE_KINDS = ['min', 'max', 'min_length', 'max_length', 'pattern', 'enum', 'not_empty', 'items'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Rules are data, never code: a contract from an untrusted client can only ask for these checks. */
export type ValidationRule =
  | { rule: 'min'; value: number }
  | { rule: 'max'; value: number }
  | { rule: 'min_length'; value: number }
  | { rule: 'max_length'; value: number }
  | { rule: 'pattern'; value: string }
  | { rule: 'enum'; value: JsonScalar[] }
  | { rule: 'not_empty' }
  | { rule: 'items'; value: ElementSpec };

/** The shape of one value: a deliverable, or each element of a list (through the `items` rule). */
export interface ElementSpec {
  type: DeliverableType;
  validationRules: ValidationRule[];
  /** Only for `dict`: its fields, each a deliverable in its own right. */
  properties?: Deliverable[];
}

export interface Deliverable extends ElementSpec {
  name: string;
  description: string;
  required: boolean;
  example?: JsonValue;
}

export interface ContractConstraints {
  maxTotalTokens: number;
  maxToolCalls: number;
  timeoutSeconds: number;
  /** Share of maxTotalTokens after which a run is warned that it nears its budget. */
  warnThreshold: number;
}

export interface Contract {
  name: string;
  description: string;
  version: string;
  deliverables: Deliverable[];
  constraints: ContractConstraints;
  failureStrategy: FailureStrategy;
  maxRetries: number;
  metadata?: JsonObject;
}

/** What validation needs of a contract: plan steps carry lightweight specs with just these. */
export type ContractShape = Pick<Contract, 'name' | 'deliverables'>;

/** The element spec an `items` rule gives a list's elements, if any. */
export function itemSpecOf(spec: ElementSpec): ElementSpec | undefined {
  for (const rule of spec.validationRules) if (rule.rule === 'items') return rule.value;
  return undefined;
}
