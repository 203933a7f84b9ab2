import type { JsonObject } from '../model/json-value';
import type { ValidationError } from '../model/validation-result';

/** One stored validation of a contract's output (§5.2 VALIDATION_RESULT). */
export interface ValidationRecord {
  isValid: boolean;
  errors: ValidationError[];
  output: JsonObject | null;
  recordedAtMs: number;
}

export interface CommonMistake {
  text: string;
  count: number;
}

export interface LearningOptions {
  /** The caller's clock: rules never read the time themselves. */
  nowMs: number;
  /** Exemplars older than this are stale (the contract or the model may have changed). */
  exemplarMaxAgeMs?: number;
  mistakeLimit?: number;
  exemplarLimit?: number;
}

/** What the prompt builder takes from history: mistakes to warn about and outputs to imitate. */
export interface ContractLearning {
  commonMistakes: string[];
  /** Share of valid validations, null with no history. */
  successRate: number | null;
  exemplars: JsonObject[];
}

export const DEFAULT_EXEMPLAR_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export function learnFromHistory(history: ValidationRecord[], options: LearningOptions): ContractLearning {
  return {
    commonMistakes: commonMistakes(history, options.mistakeLimit).map((mistake) => mistake.text),
    successRate: successRate(history),
    exemplars: pickExemplars(history, options),
  };
}

/** The most frequent mistakes, most frequent first (ties in order of first appearance). */
export function commonMistakes(history: ValidationRecord[], limit = 5): CommonMistake[] {
  const counts = new Map<string, number>();
  for (const record of history) {
    for (const error of record.errors) {
      const text = renderMistake(error);
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
  }
  return [...counts].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count).slice(0, limit);
}

/**
 * A mistake as the prompt warns about it, e.g. "Missing field: recommendation" or "Type error:
 * score must be int, not str". List indices are dropped so the same slip in any element counts once.
 */
export function renderMistake(error: ValidationError): string {
  const field = error.field.replace(/\[\d+\]/g, '[]');
  switch (error.rule) {
    case 'required':
      return `Missing field: ${field}`;
    case 'type':
      return `Type error: ${field} must be ${error.expected}, not ${error.actual}`;
    case 'json':
      return 'Not JSON: the response must be one JSON object';
    default:
      return `Rule violation: ${field} must satisfy ${error.expected}`;
  }
}

export function successRate(history: ValidationRecord[]): number | null {
  if (history.length === 0) return null;
  return history.filter((record) => record.isValid).length / history.length;
}

/** The most recent distinct valid outputs within the age limit, newest first. */
export function pickExemplars(history: ValidationRecord[], options: LearningOptions): JsonObject[] {
  const maxAgeMs = options.exemplarMaxAgeMs ?? DEFAULT_EXEMPLAR_MAX_AGE_MS;
  const seen = new Set<string>();
  return history
    .filter((record) => record.isValid && record.output !== null && options.nowMs - record.recordedAtMs <= maxAgeMs)
    .sort((a, b) => b.recordedAtMs - a.recordedAtMs)
    .flatMap((record) => {
      const key = JSON.stringify(record.output);
      if (seen.has(key)) return [];
      seen.add(key);
      return [record.output as JsonObject];
    })
    .slice(0, options.exemplarLimit ?? 2);
}
