import { Problems, type FieldViolation } from '../common/problem';

/** A reply's refusal: `code` is CV-00N (architecture spec, appendix C). */
export interface ContractReplyError {
  code: string;
  message: string;
}

/** One thing wrong with a specification, by its path inside the contract (e.g. `deliverables[1].type`). */
export interface SpecProblem {
  path: string;
  code: string;
  message: string;
}

/** What the request was about, so a refusal can name it. */
export interface ContractSubject {
  /** The contract (or template) name the request named. */
  name: string;
  /** Where the contract sits in the request body: '' when the body is the contract, 'contract' for an inline one. */
  specField?: string;
  /** A 404 reads "Template 'x' not found" on the template routes. */
  kind?: 'contract' | 'template';
}

const SPEC_DETAILS: Record<string, string> = {
  'CV-001': 'Invalid contract specification',
  'CV-002': 'Invalid deliverable type',
  'CV-003': 'Invalid validation rule',
};

/** The request-body field a specification path is at: the body root is `body`, an inline contract is under `contract`. */
export function specField(prefix: string, path: string): string {
  if (!path) return prefix || 'body';
  if (!prefix) return path;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

/** Each problem as a field violation, so a client sees which field of its body is wrong and why. */
export function specViolations(problems: SpecProblem[], prefix: string, fallback: ContractReplyError): FieldViolation[] {
  if (problems.length === 0) return [{ field: specField(prefix, ''), message: fallback.message || SPEC_DETAILS[fallback.code], code: fallback.code }];
  return problems.map((problem) => ({ field: specField(prefix, problem.path), message: problem.message, code: problem.code }));
}

/** "Invalid deliverable type: 2 problems, see validation_errors"; without problems, the service's own message. */
function specDetail(error: ContractReplyError, problems: SpecProblem[]): string {
  if (problems.length === 0) return error.message || SPEC_DETAILS[error.code];
  return `${SPEC_DETAILS[error.code]}: ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}, see validation_errors`;
}

/**
 * The contracts service's refusal as an API problem, by its CV code. Anything else (no error, an
 * unknown code) is the service's fault: a plain error, which the filter answers as an opaque 500.
 */
export function contractProblem(error: ContractReplyError | undefined, problems: SpecProblem[], subject: ContractSubject): Error {
  const prefix = subject.specField ?? '';
  switch (error?.code) {
    case 'CV-001':
      return Problems.invalidContractSpec(specDetail(error, problems), specViolations(problems, prefix, error));
    case 'CV-002':
      return Problems.invalidDeliverableType(specDetail(error, problems), specViolations(problems, prefix, error));
    case 'CV-003':
      return Problems.invalidValidationRule(specDetail(error, problems), specViolations(problems, prefix, error));
    case 'CV-004':
      return subject.kind === 'template' ? Problems.templateNotFound(subject.name) : Problems.contractNotFound(subject.name);
    case 'CV-005':
      return Problems.contractExists(subject.name);
    case 'CV-006':
      return Problems.templateReadOnly(subject.name);
    case 'CV-007':
      return Problems.contractValidationFailed(error.message || 'Contract validation failed');
    case 'CV-008':
      return Problems.contractViolation(error.message || 'Contract violation (fail strategy)');
    case 'CV-009':
      return Problems.contractExecutionFailed();
    // The shared list rule (page, per_page) of the services; the gateway checks the same bounds first.
    case 'REQ_001':
      return Problems.validation([{ field: 'query', message: error.message }]);
    default:
      return new Error(`contracts service answered without a result: ${error?.code || 'no error'} ${error?.message ?? ''}`.trim());
  }
}
