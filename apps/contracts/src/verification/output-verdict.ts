import { type Contract, decideAfterValidation, type FailureStrategy, type JsonObject, validateUncontractedOutput, validatorFor } from '@sigil/contracts';
import type { ContractJsonParse } from '../contracts/contract-json';
import { contractCodeError, type VerdictError } from '../selection/selection-errors';
import type { RunContract } from '../selection/run-selections';

/** The run saga's decision vocabulary (OutputValidated.decision). */
export type SagaDecision = 'success' | 'retry' | 'fallback' | 'partial' | 'template' | 'escalate' | 'fail';

/** What a run's output is checked against, resolved from its stored selection. */
export type HeldTo =
  | { kind: 'none' }
  | { kind: 'refused'; errors: VerdictError[] }
  | { kind: 'contract'; contract: Contract; failureStrategy: FailureStrategy; maxRetries: number; tokenBudget: number };

export interface OutputToValidate {
  output: string;
  /** 1-based; retries used so far are attempt - 1. */
  attempt: number;
  task: string;
  /** Every attempt's tokens so far. */
  tokensUsed: number;
}

/** What the learning history keeps of a validation: the model's own output, only when it passed. */
export interface ValidationOutcome {
  isValid: boolean;
  errors: VerdictError[];
  output: JsonObject | null;
}

export interface Verdict {
  isValid: boolean;
  errors: VerdictError[];
  decision: SagaDecision;
  /** For retry: the next attempt's whole prompt. */
  refinedPrompt: string;
  /** JSON text to answer with (success, fallback, partial, template); empty otherwise. */
  output: string;
  missingFields: string[];
  /** Null when no output was validated (a refused override). */
  recorded: ValidationOutcome | null;
}

/** The stored selection as something to validate against; a snapshot that no longer parses is this service's fault (CV-009). */
export function heldTo(run: RunContract, parse: (json: string) => ContractJsonParse): HeldTo {
  if (run.selectionErrors.length > 0) return { kind: 'refused', errors: run.selectionErrors };
  if (run.contractJson === null) return { kind: 'none' };
  const parsed = parse(run.contractJson);
  if (!parsed.ok) {
    const detail = `the selected contract ${run.contractName ?? ''} no longer parses: ${parsed.problems.map((problem) => problem.message).join('; ')}`;
    return { kind: 'refused', errors: [contractCodeError('CV-009', 'contract', 'a valid contract snapshot', 'invalid', detail)] };
  }
  return { kind: 'contract', contract: parsed.contract, failureStrategy: run.failureStrategy, maxRetries: run.maxRetries, tokenBudget: run.tokenBudget };
}

const NOTHING_TO_ANSWER = { refinedPrompt: '', output: '', missingFields: [] };

/**
 * The verdict on an attempt (§3.4 flow): without a contract the output only has to say something;
 * a refused override fails; otherwise the lib validates the text and decides, and its decision is
 * told in the saga's words. is_valid is always about the model's output, even when a fallback
 * answers in its place; the errors say what was wrong with it.
 */
export function verdictFor(held: HeldTo, attempt: OutputToValidate): Verdict {
  switch (held.kind) {
    case 'refused':
      return { isValid: false, errors: held.errors, decision: 'fail', ...NOTHING_TO_ANSWER, recorded: null };
    case 'none': {
      const { isValid, errors } = validateUncontractedOutput(attempt.output);
      return { isValid, errors, decision: isValid ? 'success' : 'fail', ...NOTHING_TO_ANSWER, recorded: { isValid, errors, output: null } };
    }
    case 'contract':
      return contractVerdict(held, attempt);
  }
}

function contractVerdict(held: Extract<HeldTo, { kind: 'contract' }>, attempt: OutputToValidate): Verdict {
  const { contract } = held;
  const validation = validatorFor(contract).validateText(attempt.output);
  const decision = decideAfterValidation({
    contract,
    validation,
    // An unset attempt (0) would make the average cost per attempt infinite.
    attempt: Math.max(1, attempt.attempt),
    tokensUsed: attempt.tokensUsed,
    prompt: { task: attempt.task, contract },
    failureStrategy: held.failureStrategy,
    maxRetries: held.maxRetries,
    tokenBudget: held.tokenBudget,
  });
  const { isValid, errors } = validation;
  const base = { isValid, errors, ...NOTHING_TO_ANSWER, recorded: { isValid, errors, output: isValid ? validation.output : null } };
  switch (decision.action) {
    case 'accept':
      // Re-serialised, so the run answers with clean JSON whatever prose or fences surrounded it.
      return { ...base, decision: 'success', output: JSON.stringify(decision.output) };
    case 'retry':
      return { ...base, decision: 'retry', refinedPrompt: decision.prompt };
    case 'complete':
      return { ...base, decision: decision.appliedStrategy, output: JSON.stringify(decision.output), missingFields: decision.missingFields };
    case 'escalate':
      return { ...base, decision: 'escalate' };
    case 'fail':
      return { ...base, decision: 'fail' };
  }
}
