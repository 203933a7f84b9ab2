/** Why a step failed, as `StepFailed.error_code` carries it. */
export type StepErrorCode = 'CTX_003' | 'RSN_001' | 'RSN_002' | 'RSN_003' | 'LLM_001';

/** Thrown by a model port that refuses a call because the run's token budget cannot cover its worst case. */
export class BudgetExceededError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BudgetExceededError';
  }
}

/** The step was cancelled (run cancelled, deadline passed) while it was being worked on. */
export class StepCancelledError extends Error {
  constructor(message = 'the step was cancelled') {
    super(message);
    this.name = 'StepCancelledError';
  }
}

/** A strategy could not produce an answer (unparseable output after its own retries, no tools, …): the next one may. */
export class StrategyFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StrategyFailedError';
  }
}

/** The shape of `@sigil/llm`'s `LlmError`, read structurally: a failed model call after the provider's own retries. */
export interface ModelCallError {
  kind: string;
  retryable: boolean;
  message: string;
}

export function asModelCallError(error: unknown): ModelCallError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as Partial<ModelCallError>;
  return typeof candidate.kind === 'string' && typeof candidate.retryable === 'boolean' ? (candidate as ModelCallError) : undefined;
}

/**
 * Model failures after which no strategy can succeed now: bad credentials, or the provider's circuit
 * is open. Any other failed call (timeout, 5xx after retries, a malformed or refused request) may
 * work with the next strategy's smaller prompts, so the chain goes on.
 */
const PROVIDER_DOWN = new Set(['auth', 'circuit_open']);

/** How a failure ends the step, if it does: `undefined` means the fallback chain goes on. */
export interface FinalFailure {
  code: StepErrorCode;
  retryable: boolean;
  message: string;
}

export function finalFailureOf(error: unknown, signal: AbortSignal): FinalFailure | undefined {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof BudgetExceededError) return { code: 'CTX_003', retryable: false, message };
  const modelError = asModelCallError(error);
  if (error instanceof StepCancelledError || signal.aborted || modelError?.kind === 'aborted') {
    return { code: 'RSN_003', retryable: false, message: signal.aborted ? cancellationReason(signal) : message };
  }
  if (modelError && PROVIDER_DOWN.has(modelError.kind)) return { code: 'LLM_001', retryable: modelError.kind !== 'auth', message };
  return undefined;
}

export function cancellationReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason.message;
  return typeof reason === 'string' && reason ? reason : 'the step was cancelled';
}
