import type { ContractErrorCode } from '../errors/contract-error-codes';

/** One thing wrong with a contract spec, at the path of the offending field. */
export interface ContractProblem {
  path: string;
  code: Extract<ContractErrorCode, 'CV-001' | 'CV-002' | 'CV-003'>;
  message: string;
}

export type WireObject = Record<string, unknown>;

export function isWireObject(value: unknown): value is WireObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Unknown keys are refused: a misspelt `validation_rule` must not silently mean "no rules". */
export function reportUnknownKeys(input: WireObject, allowed: readonly string[], path: string, code: ContractProblem['code'], problems: ContractProblem[]): void {
  for (const key of Object.keys(input)) {
    if (!allowed.includes(key)) problems.push({ path: joinPath(path, key), code, message: `unknown field ${key}` });
  }
}

export function joinPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export function isNonEmptyString(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= maxLength;
}
