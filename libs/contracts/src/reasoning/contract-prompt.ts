import { type ContractShape, type Deliverable, type ElementSpec, itemSpecOf } from '../model/contract';
import type { JsonObject } from '../model/json-value';
import type { ValidationError } from '../model/validation-result';
import { type ValueRule, renderRule } from '../rules/render-rule';

export interface ContractPromptInput {
  task: string;
  contract: ContractShape;
  /** Rendered mistakes from validation history, e.g. "Missing field: recommendation". */
  commonMistakes?: string[];
  /** Outputs that passed before, shown as further examples. */
  exemplars?: JsonObject[];
}

export interface RejectedAttempt {
  attempt: number;
  errors: ValidationError[];
}

export const CLOSING_INSTRUCTION = 'Return ONLY the JSON object, no explanatory text.';

/** The spec's "Prompt Enhancement" (§5.4): the task, then exactly what the output must look like. */
export function buildContractPrompt(input: ContractPromptInput): string {
  return sections(input, undefined);
}

/** The same prompt plus the previous attempt's errors, quoted so the model can fix each one. */
export function buildRetryPrompt(input: ContractPromptInput, rejected: RejectedAttempt): string {
  return sections(input, rejected);
}

function sections(input: ContractPromptInput, rejected: RejectedAttempt | undefined): string {
  const { deliverables } = input.contract;
  const example = exampleOutput(deliverables);
  const rules = deliverables.flatMap((deliverable) => ruleLines(deliverable, deliverable.name));
  const parts = [
    `TASK: ${input.task}`,
    [
      'OUTPUT REQUIREMENTS:',
      'Your response must be a valid JSON object with the following structure:',
      '',
      ...structureLines(deliverables, '  '),
      '',
      '(* = required field)',
    ].join('\n'),
    example && `EXAMPLE OUTPUT:\n${JSON.stringify(example, null, 2)}`,
    rules.length > 0 && ['VALIDATION RULES:', ...rules].join('\n'),
    input.commonMistakes?.length && ['COMMON MISTAKES TO AVOID:', ...input.commonMistakes.map((mistake) => `- ${mistake}`)].join('\n'),
    input.exemplars?.length && ['OUTPUTS THAT PASSED BEFORE:', ...input.exemplars.map((exemplar) => JSON.stringify(exemplar, null, 2))].join('\n'),
    rejected &&
      [
        `YOUR PREVIOUS RESPONSE (attempt ${rejected.attempt}) WAS REJECTED:`,
        ...rejected.errors.map((error) => `- ${error.message}`),
        'Fix every error listed above.',
      ].join('\n'),
    CLOSING_INSTRUCTION,
  ];
  return parts.filter((part): part is string => typeof part === 'string').join('\n\n');
}

/** `list[dict]` rather than `list`, so the model knows what goes inside. */
export function typeLabel(spec: ElementSpec): string {
  const items = itemSpecOf(spec);
  return items ? `${spec.type}[${typeLabel(items)}]` : spec.type;
}

/** The fields of a dict, or of the dicts inside a (nested) list. */
function nestedFields(spec: ElementSpec): Deliverable[] {
  const items = itemSpecOf(spec);
  return spec.properties ?? (items ? nestedFields(items) : []);
}

function structureLines(deliverables: Deliverable[], indent: string): string[] {
  return deliverables.flatMap((deliverable) => [
    `${indent}${deliverable.name}${deliverable.required ? '*' : ''}: ${typeLabel(deliverable)} - ${deliverable.description}`,
    ...structureLines(nestedFields(deliverable), `${indent}  `),
  ]);
}

/** Rules by path: `score: value >= 0`, `findings[].confidence: value <= 1`, `swot.threats[]: not empty`. */
function ruleLines(spec: ElementSpec, path: string): string[] {
  const rendered = spec.validationRules.filter((rule): rule is ValueRule => rule.rule !== 'items').map(renderRule);
  const items = itemSpecOf(spec);
  return [
    ...(rendered.length > 0 ? [`- ${path}: ${rendered.join(', ')}`] : []),
    ...(items ? ruleLines(items, `${path}[]`) : []),
    ...(spec.properties ?? []).flatMap((property) => ruleLines(property, `${path}.${property.name}`)),
  ];
}

function exampleOutput(deliverables: Deliverable[]): JsonObject | undefined {
  const entries = deliverables.flatMap((deliverable) => (deliverable.example === undefined ? [] : [[deliverable.name, deliverable.example] as const]));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
