import {
  type Contract,
  type ContractConstraints,
  DELIVERABLE_TYPES,
  type Deliverable,
  type DeliverableType,
  type ElementSpec,
  FAILURE_STRATEGIES,
  type FailureStrategy,
} from '../model/contract';
import type { JsonObject, JsonValue } from '../model/json-value';
import type { ValidationError } from '../model/validation-result';
import { DEFAULT_MAX_PATTERN_INPUT } from '../validation/compile-rules';
import { compileElement } from '../validation/compile-contract';
import { parseValidationRules } from './parse-validation-rules';
import { type ContractProblem, type WireObject, isNonEmptyString, isWireObject, joinPath, reportUnknownKeys } from './wire-reading';

export type ContractParse = { ok: true; contract: Contract } | { ok: false; problems: ContractProblem[] };

export const CONTRACT_NAME_PATTERN = /^[a-z][a-z0-9_]{2,63}$/;
/**
 * Field names become paths like `findings[1].confidence`, so they hold no dots or brackets; a
 * leading letter keeps out `__proto__`, which would set an output object's prototype.
 */
export const DELIVERABLE_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
export const MAX_DELIVERABLES = 50;
/** Deeper outputs are hard for a model to fill and for a prompt to describe. */
export const MAX_NESTING_DEPTH = 4;
const MAX_DESCRIPTION_LENGTH = 2_000;

/** Defaults follow the spec's settings (SIGIL_CONTRACT_DEFAULT_STRATEGY=retry, ..._MAX_RETRIES=2, warn at 0.8). */
export const CONTRACT_DEFAULTS = {
  version: '1.0.0',
  failureStrategy: 'retry' as FailureStrategy,
  maxRetries: 2,
  constraints: { maxTotalTokens: 8_000, maxToolCalls: 10, timeoutSeconds: 120, warnThreshold: 0.8 } satisfies ContractConstraints,
};

const CONTRACT_KEYS = ['name', 'description', 'version', 'deliverables', 'constraints', 'failure_strategy', 'max_retries', 'metadata'];
const DELIVERABLE_KEYS = ['name', 'type', 'description', 'required', 'validation_rules', 'example', 'properties'];
const ELEMENT_KEYS = ['type', 'validation_rules', 'properties'];

/** Reads a contract spec from untrusted JSON (the snake_case wire form), reporting every problem with its path. */
export function parseContract(input: unknown): ContractParse {
  const problems: ContractProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, code: 'CV-001', message });
  if (!isWireObject(input)) return { ok: false, problems: [{ path: '', code: 'CV-001', message: 'a contract must be a JSON object' }] };
  reportUnknownKeys(input, CONTRACT_KEYS, '', 'CV-001', problems);
  if (typeof input.name !== 'string' || !CONTRACT_NAME_PATTERN.test(input.name)) problem('name', `name must match ${CONTRACT_NAME_PATTERN.source}`);
  if (!isNonEmptyString(input.description, MAX_DESCRIPTION_LENGTH)) problem('description', `description must be text of 1 to ${MAX_DESCRIPTION_LENGTH} characters`);
  if (input.version !== undefined && !isNonEmptyString(input.version, 32)) problem('version', 'version must be text of 1 to 32 characters');
  if (input.failure_strategy !== undefined && !(FAILURE_STRATEGIES as readonly unknown[]).includes(input.failure_strategy)) {
    problem('failure_strategy', `failure_strategy must be one of ${FAILURE_STRATEGIES.join(', ')}`);
  }
  if (input.max_retries !== undefined && !isWholeNumberIn(input.max_retries, 0, 10)) problem('max_retries', 'max_retries must be a whole number from 0 to 10');
  if (input.metadata !== undefined && !isWireObject(input.metadata)) problem('metadata', 'metadata must be an object');
  const constraints = parseConstraints(input.constraints, problems);
  let deliverables: Deliverable[] = [];
  if (Array.isArray(input.deliverables) && input.deliverables.length > 0 && input.deliverables.length <= MAX_DELIVERABLES) {
    deliverables = parseDeliverables(input.deliverables, 'deliverables', 0, problems);
  } else problem('deliverables', `deliverables must be a list of 1 to ${MAX_DELIVERABLES} deliverables`);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    contract: {
      name: input.name as string,
      description: input.description as string,
      version: (input.version as string | undefined) ?? CONTRACT_DEFAULTS.version,
      deliverables,
      constraints,
      failureStrategy: (input.failure_strategy as FailureStrategy | undefined) ?? CONTRACT_DEFAULTS.failureStrategy,
      maxRetries: (input.max_retries as number | undefined) ?? CONTRACT_DEFAULTS.maxRetries,
      ...(input.metadata === undefined ? {} : { metadata: input.metadata as JsonObject }),
    },
  };
}

function parseConstraints(input: unknown, problems: ContractProblem[]): ContractConstraints {
  const defaults = CONTRACT_DEFAULTS.constraints;
  if (input === undefined) return defaults;
  if (!isWireObject(input)) {
    problems.push({ path: 'constraints', code: 'CV-001', message: 'constraints must be an object' });
    return defaults;
  }
  reportUnknownKeys(input, ['max_total_tokens', 'max_tool_calls', 'timeout_seconds', 'warn_threshold'], 'constraints', 'CV-001', problems);
  const read = (key: string, fallback: number, isValid: (value: unknown) => boolean, rule: string): number => {
    const value = input[key];
    if (value === undefined) return fallback;
    if (isValid(value)) return value as number;
    problems.push({ path: `constraints.${key}`, code: 'CV-001', message: `${key} must be ${rule}` });
    return fallback;
  };
  return {
    maxTotalTokens: read('max_total_tokens', defaults.maxTotalTokens, (value) => isWholeNumberIn(value, 1, 1_000_000), 'a whole number from 1 to 1000000'),
    maxToolCalls: read('max_tool_calls', defaults.maxToolCalls, (value) => isWholeNumberIn(value, 0, 1_000), 'a whole number from 0 to 1000'),
    timeoutSeconds: read('timeout_seconds', defaults.timeoutSeconds, (value) => typeof value === 'number' && value > 0 && value <= 86_400, 'a number of seconds above 0, at most 86400'),
    warnThreshold: read('warn_threshold', defaults.warnThreshold, (value) => typeof value === 'number' && value > 0 && value <= 1, 'a number above 0, at most 1'),
  };
}

function parseDeliverables(input: unknown[], path: string, depth: number, problems: ContractProblem[]): Deliverable[] {
  const deliverables: Deliverable[] = [];
  const seen = new Map<string, number>();
  input.forEach((entry, index) => {
    const entryPath = `${path}[${index}]`;
    const deliverable = parseDeliverable(entry, entryPath, depth, problems);
    if (!deliverable) return;
    const earlier = seen.get(deliverable.name);
    if (earlier !== undefined) {
      problems.push({ path: `${entryPath}.name`, code: 'CV-001', message: `duplicate deliverable name ${deliverable.name} (also ${path}[${earlier}])` });
    } else seen.set(deliverable.name, index);
    deliverables.push(deliverable);
  });
  return deliverables;
}

function parseDeliverable(input: unknown, path: string, depth: number, problems: ContractProblem[]): Deliverable | undefined {
  if (!isWireObject(input)) {
    problems.push({ path, code: 'CV-001', message: 'a deliverable must be an object' });
    return undefined;
  }
  const before = problems.length;
  reportUnknownKeys(input, DELIVERABLE_KEYS, path, 'CV-001', problems);
  if (typeof input.name !== 'string' || !DELIVERABLE_NAME_PATTERN.test(input.name)) {
    problems.push({ path: `${path}.name`, code: 'CV-001', message: `name must match ${DELIVERABLE_NAME_PATTERN.source}` });
  }
  if (!isNonEmptyString(input.description, MAX_DESCRIPTION_LENGTH)) {
    problems.push({ path: `${path}.description`, code: 'CV-001', message: `description must be text of 1 to ${MAX_DESCRIPTION_LENGTH} characters` });
  }
  if (input.required !== undefined && typeof input.required !== 'boolean') problems.push({ path: `${path}.required`, code: 'CV-001', message: 'required must be true or false' });
  const spec = parseElement(input, path, depth, problems);
  if (!spec || problems.length > before) return undefined;
  const deliverable: Deliverable = {
    name: input.name as string,
    description: input.description as string,
    required: (input.required as boolean | undefined) ?? true,
    ...spec,
    ...(input.example === undefined ? {} : { example: input.example as JsonValue }),
  };
  const exampleErrors = deliverable.example === undefined ? [] : errorsOf(deliverable.example, deliverable);
  // An example is shown to the model as a correct answer and fills gaps on fallback, so it must pass.
  for (const error of exampleErrors) problems.push({ path: `${path}.example`, code: 'CV-001', message: `example does not satisfy the deliverable: ${error.message}` });
  return exampleErrors.length > 0 ? undefined : deliverable;
}

/** The type, rules and properties shared by deliverables and list elements (an `items` rule's value). */
function parseElement(input: WireObject, path: string, depth: number, problems: ContractProblem[]): ElementSpec | undefined {
  if (depth > MAX_NESTING_DEPTH) {
    problems.push({ path, code: 'CV-001', message: `nested deeper than ${MAX_NESTING_DEPTH} levels` });
    return undefined;
  }
  const { type } = input;
  if (typeof type !== 'string' || !(DELIVERABLE_TYPES as readonly string[]).includes(type)) {
    problems.push({ path: joinPath(path, 'type'), code: 'CV-002', message: `type must be one of ${DELIVERABLE_TYPES.join(', ')}` });
    return undefined;
  }
  const elementType = type as DeliverableType;
  const parseItems = (value: unknown, itemsPath: string): ElementSpec | undefined => {
    if (!isWireObject(value)) {
      problems.push({ path: itemsPath, code: 'CV-003', message: 'items needs an object like {"type": "str", "validation_rules": []}' });
      return undefined;
    }
    reportUnknownKeys(value, ELEMENT_KEYS, itemsPath, 'CV-003', problems);
    return parseElement(value, itemsPath, depth + 1, problems);
  };
  const validationRules = parseValidationRules(input.validation_rules, elementType, joinPath(path, 'validation_rules'), problems, parseItems);
  if (input.properties === undefined) return { type: elementType, validationRules };
  const propertiesPath = joinPath(path, 'properties');
  if (elementType !== 'dict') {
    problems.push({ path: propertiesPath, code: 'CV-001', message: 'only a dict has properties' });
    return undefined;
  }
  if (!Array.isArray(input.properties) || input.properties.length === 0 || input.properties.length > MAX_DELIVERABLES) {
    problems.push({ path: propertiesPath, code: 'CV-001', message: `properties must be a list of 1 to ${MAX_DELIVERABLES} deliverables` });
    return undefined;
  }
  return { type: elementType, validationRules, properties: parseDeliverables(input.properties, propertiesPath, depth + 1, problems) };
}

function errorsOf(example: JsonValue, deliverable: Deliverable): ValidationError[] {
  const errors: ValidationError[] = [];
  compileElement(deliverable, { maxPatternInput: DEFAULT_MAX_PATTERN_INPUT })(example, deliverable.name, errors);
  return errors;
}

function isWholeNumberIn(value: unknown, min: number, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}
