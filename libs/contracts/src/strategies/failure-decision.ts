import { CONTRACT_ERRORS } from '../errors/contract-error-codes';
import type { Contract, FailureStrategy } from '../model/contract';
import type { JsonObject } from '../model/json-value';
import type { OutputValidation, ValidationError } from '../model/validation-result';
import { type ContractPromptInput, buildRetryPrompt } from '../reasoning/contract-prompt';
import { type SalvagedOutput, fillFromDefaults, keepValidFields, replaceWithTemplate } from './fallback-fill';

export interface FailureDecisionInput {
  contract: Contract;
  /** The validated attempt, with the JSON object found in it (null when there was none). */
  validation: OutputValidation;
  /** 1-based number of the attempt just validated; retries used so far are attempt - 1. */
  attempt: number;
  /** Tokens spent by all attempts so far. */
  tokensUsed: number;
  /** The prompt inputs, to refine for a retry. */
  prompt: ContractPromptInput;
  /** What the run's selection or the request's force_strategy decided; the contract's own values otherwise. */
  failureStrategy?: FailureStrategy;
  maxRetries?: number;
  tokenBudget?: number;
}

/** The CV-008 problem of a contract with the fail strategy. */
export interface ContractViolation {
  code: 'CV-008';
  status: number;
  title: string;
  detail: string;
}

interface DecisionBase {
  attempts: number;
  /** The accepted, salvaged or last output; null when the model never gave a JSON object. */
  output: JsonObject | null;
  /** What is (still) wrong with `output`. */
  errors: ValidationError[];
  /** Token use has passed the contract's warn threshold of the budget. */
  budgetWarning: boolean;
}

export type ContractDecision = DecisionBase &
  (
    | { action: 'accept'; appliedStrategy: 'success' }
    | { action: 'retry'; appliedStrategy: 'retry'; prompt: string }
    | { action: 'complete'; appliedStrategy: 'fallback' | 'partial' | 'template'; isComplete: boolean; filledFields: string[]; missingFields: string[] }
    | { action: 'escalate'; appliedStrategy: 'escalate'; reasons: string[] }
    | { action: 'fail'; appliedStrategy: 'fail'; error: ContractViolation }
  );

/**
 * What to do after validating an attempt (spec §3.4 flow and §6.2):
 * 1. valid → accept;
 * 2. invalid under `fail` → CV-008 at once, no retry (strict verification);
 * 3. otherwise retry with a prompt quoting the errors while retries remain (attempt - 1 < maxRetries)
 *    and the budget left covers another attempt of average cost (tokensUsed / attempt);
 * 4. then the strategy's own path: `retry` and `fallback` fill gaps from defaults, `partial` keeps
 *    the valid fields, `template` answers with the template output, `escalate` parks for review.
 */
export function decideAfterValidation(input: FailureDecisionInput): ContractDecision {
  const { contract, validation, attempt, tokensUsed } = input;
  const strategy = input.failureStrategy ?? contract.failureStrategy;
  const maxRetries = input.maxRetries ?? contract.maxRetries;
  const tokenBudget = input.tokenBudget ?? contract.constraints.maxTotalTokens;
  const base: DecisionBase = {
    attempts: attempt,
    output: validation.output,
    errors: validation.errors,
    budgetWarning: tokensUsed >= contract.constraints.warnThreshold * tokenBudget,
  };
  if (validation.isValid) return { ...base, action: 'accept', appliedStrategy: 'success' };
  if (strategy === 'fail') return { ...base, action: 'fail', appliedStrategy: 'fail', error: violation(contract, validation.errors) };
  const retriesLeft = attempt - 1 < maxRetries;
  const tokensLeft = tokenBudget - tokensUsed >= tokensUsed / attempt;
  if (retriesLeft && tokensLeft) {
    return { ...base, action: 'retry', appliedStrategy: 'retry', prompt: buildRetryPrompt(input.prompt, { attempt, errors: validation.errors }) };
  }
  switch (strategy) {
    case 'retry':
    case 'fallback':
      return completed(base, 'fallback', fillFromDefaults(validation.output, contract, validation));
    case 'partial':
      return completed(base, 'partial', keepValidFields(validation.output, contract, validation));
    case 'template':
      return completed(base, 'template', replaceWithTemplate(contract));
    case 'escalate': {
      const exhausted = retriesLeft ? `token budget exhausted (${tokensUsed} of ${tokenBudget})` : `retries exhausted (${attempt - 1} of ${maxRetries})`;
      return { ...base, action: 'escalate', appliedStrategy: 'escalate', reasons: [exhausted, ...validation.errors.map((error) => error.message)] };
    }
  }
}

function completed(base: DecisionBase, appliedStrategy: 'fallback' | 'partial' | 'template', salvage: SalvagedOutput): ContractDecision {
  return {
    ...base,
    action: 'complete',
    appliedStrategy,
    output: salvage.output,
    errors: salvage.validation.errors,
    isComplete: salvage.validation.isValid,
    filledFields: salvage.filledFields,
    missingFields: salvage.missingFields,
  };
}

function violation(contract: Contract, errors: ValidationError[]): ContractViolation {
  const { status, title } = CONTRACT_ERRORS['CV-008'];
  return { code: 'CV-008', status, title, detail: `output violates contract ${contract.name}: ${errors.map((error) => error.message).join('; ')}` };
}
