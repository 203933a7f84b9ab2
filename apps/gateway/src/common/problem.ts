import { HttpException } from '@nestjs/common';

export interface FieldViolation {
  field: string;
  message: string;
  /** The domain's code for this violation, when it has one (e.g. CV-002 for a deliverable type). */
  code?: string;
}

export interface ProblemInit {
  status: number;
  title: string;
  errorCode: string;
  detail: string;
  recoveryHints?: string[];
  validationErrors?: FieldViolation[];
  /** Response headers that belong to this problem, such as Retry-After. */
  headers?: Record<string, string>;
  /** RFC 9457 extension members particular to this problem (snake_case), such as a stopped run's partial_results. */
  extensions?: Record<string, unknown>;
}

/** An error the API reports as RFC 9457 problem details; the filter adds instance, request id and time. */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemInit) {
    super(problem.detail, problem.status);
  }
}

export const Problems = {
  validation: (violations: FieldViolation[]) =>
    new ProblemException({
      status: 400,
      title: 'RequestValidationError',
      errorCode: 'REQ_001',
      detail: 'Request validation failed',
      validationErrors: violations,
      recoveryHints: ['Check field validation requirements', 'Refer to the API guidelines for valid values'],
    }),
  agentNotFound: (name: string) =>
    new ProblemException({
      status: 404,
      title: 'AgentNotFoundError',
      errorCode: 'AGT_001',
      detail: `Agent '${name}' not found`,
      recoveryHints: ['Verify agent name is correct', "Create the agent if it doesn't exist", 'List available agents with GET /v7/agents'],
    }),
  agentExists: (name: string) =>
    new ProblemException({
      status: 409,
      title: 'AgentAlreadyExistsError',
      errorCode: 'AGT_002',
      detail: `Agent '${name}' already exists`,
      recoveryHints: ['Choose another name', 'Update the existing agent with PATCH /v7/agents/{name}'],
    }),
  agentInactive: (name: string) =>
    new ProblemException({
      status: 409,
      title: 'AgentInactiveError',
      errorCode: 'AGT_003',
      detail: `Agent '${name}' is inactive and cannot run`,
      recoveryHints: ['Activate it with PATCH /v7/agents/{name} {"status":"active"}'],
    }),
  operationNotFound: (id: string) =>
    new ProblemException({
      status: 404,
      title: 'OperationNotFoundError',
      errorCode: 'RUN_002',
      detail: `Operation '${id}' not found`,
      recoveryHints: ['Verify the operation id from the 202 response', 'Operations are visible only to the tenant that started them'],
    }),
  runNotFound: (id: string) =>
    new ProblemException({
      status: 404,
      title: 'RunNotFoundError',
      errorCode: 'RUN_001',
      detail: `Run '${id}' not found`,
      recoveryHints: ['Verify the run id', 'Runs are visible only to the tenant that started them'],
    }),
  runNotAwaitingReview: (id: string, status: string) =>
    new ProblemException({
      status: 409,
      title: 'RunNotAwaitingReviewError',
      errorCode: 'RUN_003',
      detail: `Run '${id}' is ${status}, not escalated for review`,
      recoveryHints: ['Only a run whose contract escalated it (status escalated) takes a review', 'Fetch the run to see its status'],
    }),
  runAlreadyFinished: (id: string, status: string) =>
    new ProblemException({
      status: 409,
      title: 'RunAlreadyFinishedError',
      errorCode: 'RUN_006',
      detail: `Run '${id}' is already ${status} and cannot be cancelled`,
      recoveryHints: ['Only a run still under way (accepted, running, or escalated for review) can be cancelled', `GET /v7/runs/${id} shows how it ended`],
      extensions: { run_id: id, run_status: status },
    }),
  // A run that stopped without a result: the steps it finished are in partial_results.
  runCancelled: (id: string, reason: string, partialResults: unknown[]) =>
    new ProblemException({
      status: 409,
      title: 'RunCancelledError',
      errorCode: 'RUN_004',
      detail: `Run '${id}' was cancelled${reason ? `: ${reason}` : ''}`,
      recoveryHints: ['partial_results holds the steps the run finished before it was cancelled', 'Start a new run to get a complete answer'],
      extensions: { run_id: id, partial_results: partialResults },
    }),
  runDeadlineExceeded: (id: string, partialResults: unknown[]) =>
    new ProblemException({
      status: 504,
      title: 'RunDeadlineExceededError',
      errorCode: 'RUN_005',
      detail: `Run '${id}' did not finish before its deadline and was stopped`,
      recoveryHints: ['Give the run more time with config.timeout_ms (up to 3600000 ms)', 'partial_results holds the steps the run finished in time'],
      extensions: { run_id: id, partial_results: partialResults },
    }),
  runTokenBudgetExceeded: (id: string, detail: string, partialResults: unknown[]) =>
    new ProblemException({
      status: 422,
      title: 'TokenBudgetExceededError',
      errorCode: 'CTX_003',
      detail: `Run '${id}' was stopped at its token budget: ${detail || 'the next model call would have exceeded it'}`,
      recoveryHints: [
        "Raise the run's budget with config.max_total_tokens (up to 2000000), or the agent's with PATCH /v7/agents/{name} config.max_total_tokens",
        'Shorten the input, or ask for less work per run',
        'partial_results holds the steps the run finished within its budget',
      ],
      extensions: { run_id: id, partial_results: partialResults },
    }),
  semantic: (field: string, message: string) =>
    new ProblemException({
      status: 422,
      title: 'UnprocessableRequestError',
      errorCode: 'REQ_002',
      detail: message,
      validationErrors: [{ field, message }],
      recoveryHints: ['Fix the named field and retry'],
    }),
  idempotencyKeyReused: () =>
    new ProblemException({
      status: 422,
      title: 'IdempotencyKeyReusedError',
      errorCode: 'REQ_003',
      detail: 'This Idempotency-Key was used with a different request body',
      recoveryHints: ['Use a new Idempotency-Key for a different request'],
    }),
  idempotentRequestInProgress: () =>
    new ProblemException({
      status: 409,
      title: 'IdempotentRequestInProgressError',
      errorCode: 'REQ_004',
      detail: 'A request with this Idempotency-Key is still being processed',
      recoveryHints: ['Retry after the first request has finished'],
    }),
  missingCredentials: () =>
    new ProblemException({
      status: 401,
      title: 'AuthenticationRequiredError',
      errorCode: 'AUTH_001',
      detail: 'This endpoint needs a bearer token (Authorization: Bearer <jwt>) or an API key (X-API-Key)',
      recoveryHints: ['Send a token from your identity provider', 'Locally, mint one with ./sigil token'],
    }),
  invalidToken: (detail: string) =>
    new ProblemException({
      status: 401,
      title: 'InvalidTokenError',
      errorCode: 'AUTH_002',
      detail,
      recoveryHints: ['Obtain a new token', `Tokens must be signed for audience 'sigil-api' by the configured issuer`],
    }),
  expiredToken: () =>
    new ProblemException({
      status: 401,
      title: 'TokenExpiredError',
      errorCode: 'AUTH_003',
      detail: 'The token has expired',
      recoveryHints: ['Refresh the token and retry'],
    }),
  invalidApiKey: (detail: string) =>
    new ProblemException({
      status: 401,
      title: 'InvalidApiKeyError',
      errorCode: 'AUTH_004',
      detail,
      recoveryHints: ['Check the key was copied whole', 'Create a new key with POST /v7/api-keys if it was revoked or expired'],
    }),
  insufficientScope: (missing: string[]) =>
    new ProblemException({
      status: 403,
      title: 'InsufficientScopeError',
      errorCode: 'AUTH_005',
      detail: `Missing required scopes: ${missing.join(', ')}`,
      recoveryHints: ['Request a token or key with the listed scopes'],
    }),
  apiKeyNotFound: (id: string) =>
    new ProblemException({
      status: 404,
      title: 'ApiKeyNotFoundError',
      errorCode: 'AUTH_006',
      detail: `API key '${id}' not found`,
      recoveryHints: ['List keys with GET /v7/api-keys'],
    }),
  rateLimited: (windowSeconds: number, retryAfterSeconds: number) =>
    new ProblemException({
      status: 429,
      title: 'RateLimitExceededError',
      errorCode: 'RATE_001',
      detail: `Too many requests in the ${windowSeconds}-second window; retry in ${retryAfterSeconds} s`,
      recoveryHints: ['Wait for Retry-After seconds', 'Back off exponentially', 'Ask for a higher tier'],
    }),
  tokenRateLimited: (limit: number, retryAfterSeconds: number) =>
    new ProblemException({
      status: 429,
      title: 'TokenRateLimitExceededError',
      errorCode: 'RATE_002',
      detail: `The tenant used its ${limit} tokens for this minute; retry in ${retryAfterSeconds} s`,
      recoveryHints: ['Wait for Retry-After seconds', 'Shorten inputs or ask for a higher tier'],
      headers: { 'retry-after': String(Math.max(retryAfterSeconds, 1)) },
    }),
  budgetExhausted: (budget: number) =>
    new ProblemException({
      status: 429,
      title: 'TokenBudgetExceededError',
      errorCode: 'CTX_003',
      detail: `The tenant used its daily budget of ${budget} tokens`,
      recoveryHints: ['Check GET /v7/budget/status', 'The budget starts over at midnight UTC'],
    }),
  // Contract errors keep the codes of the architecture spec (appendix C, CV-001..CV-009) as their error_code.
  invalidContractSpec: (detail: string, violations: FieldViolation[]) =>
    new ProblemException({
      status: 400,
      title: 'InvalidContractSpecError',
      errorCode: 'CV-001',
      detail,
      validationErrors: violations,
      recoveryHints: [
        'Fix each field named in validation_errors',
        'Give the contract a name matching ^[a-z][a-z0-9_]{2,63}$, a description and 1 to 50 deliverables with unique names',
        'Start from a template: GET /v7/templates',
      ],
    }),
  invalidDeliverableType: (detail: string, violations: FieldViolation[]) =>
    new ProblemException({
      status: 400,
      title: 'InvalidDeliverableTypeError',
      errorCode: 'CV-002',
      detail,
      validationErrors: violations,
      recoveryHints: ['Use one of the deliverable types int, float, str, bool, list, dict at each field named in validation_errors'],
    }),
  invalidValidationRule: (detail: string, violations: FieldViolation[]) =>
    new ProblemException({
      status: 400,
      title: 'InvalidValidationRuleError',
      errorCode: 'CV-003',
      detail,
      validationErrors: violations,
      recoveryHints: [
        'Use one of the rules min, max, min_length, max_length, pattern, enum, not_empty, items with a value of the right kind',
        'Apply each rule only to types it fits (min/max to numbers, min_length/max_length to str and list, pattern to str)',
        'Use a short pattern without nested quantifiers, overlapping alternatives, backreferences or lookbehind',
      ],
    }),
  contractNotFound: (name: string) =>
    new ProblemException({
      status: 404,
      title: 'ContractNotFoundError',
      errorCode: 'CV-004',
      detail: `Contract '${name}' not found`,
      recoveryHints: ['Verify the contract name', 'List your contracts with GET /v7/contracts and the templates with GET /v7/templates', 'Contracts are visible only to the tenant that created them'],
    }),
  templateNotFound: (name: string) =>
    new ProblemException({
      status: 404,
      title: 'ContractNotFoundError',
      errorCode: 'CV-004',
      detail: `Template '${name}' not found`,
      recoveryHints: ['List the templates with GET /v7/templates', "A tenant's own contracts are at GET /v7/contracts/{name}"],
    }),
  contractExists: (name: string) =>
    new ProblemException({
      status: 409,
      title: 'ContractExistsError',
      errorCode: 'CV-005',
      detail: `Contract '${name}' already exists (as the tenant's contract or as a template)`,
      recoveryHints: ['Choose another name; template names are taken too (GET /v7/templates)', 'Update the existing contract with PUT /v7/contracts/{name}'],
    }),
  templateReadOnly: (name: string) =>
    new ProblemException({
      status: 403,
      title: 'TemplateReadOnlyError',
      errorCode: 'CV-006',
      detail: `'${name}' is a template and cannot be modified or deleted`,
      recoveryHints: ['Templates are read-only', 'Copy it under a name of your own: GET /v7/templates/{name}, change the name, POST /v7/contracts'],
    }),
  contractValidationFailed: (detail: string, violations?: FieldViolation[]) =>
    new ProblemException({
      status: 422,
      title: 'ContractValidationFailedError',
      errorCode: 'CV-007',
      detail,
      validationErrors: violations,
      recoveryHints: ['Correct the output fields listed in validation_errors and validate again', 'Check the output with POST /v7/contracts/validate'],
    }),
  contractViolation: (detail: string, violations?: FieldViolation[]) =>
    new ProblemException({
      status: 422,
      title: 'ContractViolationError',
      errorCode: 'CV-008',
      detail,
      validationErrors: violations,
      recoveryHints: ["The contract's failure strategy is fail: no retry or fallback was attempted", 'Choose a lenient failure strategy (retry, fallback, partial) if a best-effort answer is acceptable'],
    }),
  contractExecutionFailed: () =>
    new ProblemException({
      status: 500,
      title: 'ContractExecutionError',
      errorCode: 'CV-009',
      detail: 'Internal execution error',
      recoveryHints: ['Retry with exponential backoff', 'Contact support with the request_id'],
    }),
  dependencyUnavailable: (what: string) =>
    new ProblemException({
      status: 503,
      title: 'ServiceUnavailableError',
      errorCode: 'SYS_003',
      detail: `The ${what} did not answer in time`,
      recoveryHints: ['Retry with exponential backoff', 'Check GET /readyz of the platform services'],
    }),
};
