import { CONTRACT_ERRORS, type Contract, type ContractErrorCode, type ContractProblem, contractToWire } from '@sigil/contracts';

/** A contract as the tables keep it; `contract_json` is the stored wire JSON text. */
export interface StoredContractRow {
  name: string;
  revision: number;
  contract_json: string;
  created_at: Date;
  updated_at: Date;
}

export function contractError(code: ContractErrorCode, message: string) {
  return { error: { code, message, status: CONTRACT_ERRORS[code].status } };
}

export const contractNotFound = (name: string) => contractError('CV-004', `no contract or template named '${name}'`);

export const contractExists = (name: string) => contractError('CV-005', `a contract named '${name}' already exists`);

export const templateNameTaken = (name: string) => contractError('CV-005', `'${name}' is the name of a template; choose another name`);

export const templateReadOnly = (name: string) => contractError('CV-006', `'${name}' is a template and templates are read-only; create a contract of your own from it`);

/** A list argument the caller got wrong (page, per_page): not a contract error, the same REQ_001 as the other services. */
export const invalidArgument = (message: string) => ({ error: { code: 'REQ_001', message, status: 400 } });

/**
 * CV-001, CV-002 or CV-003 with every problem. The code is the problems' own when they all agree,
 * else the general CV-001 (invalid specification); the message lists each problem with its path.
 */
export function invalidSpecification(problems: ContractProblem[]) {
  const code = new Set(problems.map((problem) => problem.code)).size === 1 ? problems[0].code : 'CV-001';
  const listed = problems.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message)).join('; ');
  return { ...contractError(code, `invalid contract specification: ${listed}`), problems };
}

/** The canonical wire JSON: defaults filled in, fields in the wire form's order. */
export const wireJsonOf = (contract: Contract) => JSON.stringify(contractToWire(contract));

export const storedContractOf = (row: StoredContractRow) => ({
  contractJson: row.contract_json,
  revision: row.revision,
  isTemplate: false,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/** Templates are not stored: they are always revision 1 and have no times. */
export const templateContractOf = (template: Contract) => ({ contractJson: wireJsonOf(template), revision: 1, isTemplate: true, createdAt: '', updatedAt: '' });
