import { CONTRACT_ERRORS, type ContractErrorCode, type ContractProblem } from '@sigil/contracts';

/** An error as OutputValidated carries it: the lib's ValidationError, whose rule may also be a CV code here. */
export interface VerdictError {
  field: string;
  rule: string;
  expected: string;
  actual: string;
  message: string;
}

/** A contract error (appendix C) in a run's verdict; the message starts with the code so the run's failure names it. */
export function contractCodeError(code: ContractErrorCode, field: string, expected: string, actual: string, detail: string): VerdictError {
  return { field, rule: code, expected, actual, message: `${code} ${CONTRACT_ERRORS[code].title}: ${detail}` };
}

export const unknownContractError = (name: string) =>
  contractCodeError('CV-004', 'contract_name', 'a contract or template of the tenant', name, `no contract or template named '${name}'`);

/** One error per problem of an inline contract, at its path inside contract_json. */
export const inlineContractErrors = (problems: ContractProblem[]) =>
  problems.map((problem) =>
    contractCodeError(problem.code, problem.path ? `contract_json.${problem.path}` : 'contract_json', 'a valid contract specification', 'invalid', problem.path ? `${problem.path}: ${problem.message}` : problem.message),
  );
