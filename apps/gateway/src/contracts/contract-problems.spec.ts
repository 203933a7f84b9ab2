import { ProblemException } from '../common/problem';
import { problemFor } from '../common/problem-details.filter';
import { contractProblem, specField } from './contract-problems';

const refusal = (code: string, message = '') => ({ code, message });

describe('contract refusals as problems', () => {
  it.each([
    ['CV-004', 404, 'ContractNotFoundError', "Contract 'lead_review' not found"],
    ['CV-005', 409, 'ContractExistsError', "Contract 'lead_review' already exists (as the tenant's contract or as a template)"],
    ['CV-006', 403, 'TemplateReadOnlyError', "'lead_review' is a template and cannot be modified or deleted"],
    ['CV-009', 500, 'ContractExecutionError', 'Internal execution error'],
  ])('given a %s refusal, when mapped, then it is a %i %s naming the contract, with the CV code as error_code', (code, status, title, detail) => {
    const problem = problemFor(contractProblem(refusal(code, 'service wording'), [], { name: 'lead_review' }));
    expect(problem).toMatchObject({ status, title, errorCode: code, detail });
    expect(problem.recoveryHints?.length).toBeGreaterThan(0);
  });

  it('given CV-004 on a template route, when mapped, then the detail speaks of a template', () => {
    expect(problemFor(contractProblem(refusal('CV-004'), [], { name: 'ghost', kind: 'template' }))).toMatchObject({
      status: 404,
      title: 'ContractNotFoundError',
      errorCode: 'CV-004',
      detail: "Template 'ghost' not found",
    });
  });

  it('given CV-007 and CV-008, when mapped, then they are 422s that keep the service message', () => {
    expect(problemFor(contractProblem(refusal('CV-007', 'score must be int, not str'), [], { name: 'x' }))).toMatchObject({
      status: 422,
      title: 'ContractValidationFailedError',
      errorCode: 'CV-007',
      detail: 'score must be int, not str',
    });
    expect(problemFor(contractProblem(refusal('CV-008'), [], { name: 'x' }))).toMatchObject({
      status: 422,
      title: 'ContractViolationError',
      errorCode: 'CV-008',
      detail: 'Contract violation (fail strategy)',
    });
  });

  it('given an invalid specification with problems of several codes, when mapped, then each problem is a violation naming its field and code', () => {
    const problems = [
      { path: 'deliverables[1].type', code: 'CV-002', message: 'type must be one of int, float, str, bool, list, dict' },
      { path: 'deliverables[0].validation_rules[0].value', code: 'CV-003', message: 'nested quantifiers, as in (a+)+, are not allowed' },
    ];
    expect(problemFor(contractProblem(refusal('CV-002', 'invalid contract'), problems, { name: 'lead_review' }))).toEqual({
      status: 400,
      title: 'InvalidDeliverableTypeError',
      errorCode: 'CV-002',
      detail: 'Invalid deliverable type: 2 problems, see validation_errors',
      validationErrors: [
        { field: 'deliverables[1].type', message: 'type must be one of int, float, str, bool, list, dict', code: 'CV-002' },
        { field: 'deliverables[0].validation_rules[0].value', message: 'nested quantifiers, as in (a+)+, are not allowed', code: 'CV-003' },
      ],
      recoveryHints: ['Use one of the deliverable types int, float, str, bool, list, dict at each field named in validation_errors'],
    });
  });

  it('given an inline contract of the validate body, when its specification is refused, then the fields are paths in the body', () => {
    const problems = [{ path: 'name', code: 'CV-001', message: 'name must match ^[a-z][a-z0-9_]{2,63}$' }];
    const problem = problemFor(contractProblem(refusal('CV-001'), problems, { name: 'Bad', specField: 'contract' }));
    expect(problem).toMatchObject({
      status: 400,
      title: 'InvalidContractSpecError',
      errorCode: 'CV-001',
      detail: 'Invalid contract specification: 1 problem, see validation_errors',
      validationErrors: [{ field: 'contract.name', message: 'name must match ^[a-z][a-z0-9_]{2,63}$', code: 'CV-001' }],
    });
  });

  it('given a CV-003 refusal without problems, when mapped, then its message becomes the one violation, at the body', () => {
    expect(problemFor(contractProblem(refusal('CV-003', 'pattern too long'), [], { name: 'x' }))).toMatchObject({
      status: 400,
      errorCode: 'CV-003',
      detail: 'pattern too long',
      validationErrors: [{ field: 'body', message: 'pattern too long', code: 'CV-003' }],
    });
  });

  it('given the shared REQ_001 list refusal, when mapped, then it is a request validation problem', () => {
    expect(problemFor(contractProblem(refusal('REQ_001', 'per_page must be between 1 and 100, got 0'), [], { name: '' }))).toMatchObject({
      status: 400,
      errorCode: 'REQ_001',
      validationErrors: [{ field: 'query', message: 'per_page must be between 1 and 100, got 0' }],
    });
  });

  it.each([
    [undefined, 'contracts service answered without a result: no error'],
    [refusal('RUN_404', 'no such run'), 'contracts service answered without a result: RUN_404 no such run'],
  ])('given %j, when mapped, then it is a plain error the filter answers as an opaque 500', (error, message) => {
    const mapped = contractProblem(error, [], { name: 'x' });
    expect(mapped).not.toBeInstanceOf(ProblemException);
    expect(mapped.message).toBe(message);
    expect(problemFor(mapped)).toMatchObject({ status: 500, errorCode: 'SYS_001', detail: 'An unexpected error occurred' });
  });
});

describe('specification paths as body fields', () => {
  it.each([
    ['', 'deliverables[0].name', 'deliverables[0].name'],
    ['', '', 'body'],
    ['contract', 'constraints.max_total_tokens', 'contract.constraints.max_total_tokens'],
    ['contract', '', 'contract'],
    ['contract', '[0]', 'contract[0]'],
  ])('given prefix %j and path %j, when joined, then the field is %j', (prefix, path, field) => {
    expect(specField(prefix, path)).toBe(field);
  });
});
