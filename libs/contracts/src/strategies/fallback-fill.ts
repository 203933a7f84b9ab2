import type { ContractShape } from '../model/contract';
import type { JsonObject } from '../model/json-value';
import type { ValidationError, ValidationResult } from '../model/validation-result';
import { ROOT_PATH, validate } from '../validation/compile-contract';
import { defaultValueFor, templateOutput } from './default-output';

export interface SalvagedOutput {
  output: JsonObject;
  /** The salvaged output, validated again. */
  validation: ValidationResult;
  /** Deliverables given their default value. */
  filledFields: string[];
  /** Required deliverables still absent or invalid. */
  missingFields: string[];
}

/**
 * Keeps the deliverables that passed and fills each missing or invalid required one from its
 * default (example, else type default); invalid optional ones are dropped. A nested error such as
 * `findings[1].confidence` counts against the whole top-level field.
 */
export function fillFromDefaults(output: JsonObject | null, contract: ContractShape, validation: ValidationResult): SalvagedOutput {
  const filled = validFields(output, contract, validation);
  const filledFields: string[] = [];
  for (const deliverable of contract.deliverables) {
    if (deliverable.required && !Object.hasOwn(filled, deliverable.name)) {
      filled[deliverable.name] = defaultValueFor(deliverable);
      filledFields.push(deliverable.name);
    }
  }
  return salvaged(filled, contract, filledFields);
}

/** Only the deliverables that passed, marked by the caller as partial; `missingFields` lists the gaps. */
export function keepValidFields(output: JsonObject | null, contract: ContractShape, validation: ValidationResult): SalvagedOutput {
  return salvaged(validFields(output, contract, validation), contract, []);
}

/** The template output in place of the model's, every deliverable filled from its default. */
export function replaceWithTemplate(contract: ContractShape): SalvagedOutput {
  return salvaged(templateOutput(contract), contract, contract.deliverables.map((deliverable) => deliverable.name));
}

function validFields(output: JsonObject | null, contract: ContractShape, validation: ValidationResult): JsonObject {
  if (output === null) return {};
  const failed = new Set(validation.errors.map(topLevelField));
  if (failed.has(ROOT_PATH)) return {};
  return Object.fromEntries(
    contract.deliverables
      .filter((deliverable) => Object.hasOwn(output, deliverable.name) && output[deliverable.name] !== null && !failed.has(deliverable.name))
      .map((deliverable) => [deliverable.name, output[deliverable.name]]),
  );
}

function salvaged(output: JsonObject, contract: ContractShape, filledFields: string[]): SalvagedOutput {
  const validation = validate(output, contract);
  const failed = new Set(validation.errors.map(topLevelField));
  const missingFields = contract.deliverables.filter((deliverable) => deliverable.required && (!Object.hasOwn(output, deliverable.name) || failed.has(deliverable.name))).map((deliverable) => deliverable.name);
  return { output, validation, filledFields, missingFields };
}

/** `findings[1].confidence` → `findings`. */
export function topLevelField(error: ValidationError): string {
  return /^[^.[]+/.exec(error.field)?.[0] ?? error.field;
}
