import { HttpException } from '@nestjs/common';

export interface FieldViolation {
  field: string;
  message: string;
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
  dependencyUnavailable: (what: string) =>
    new ProblemException({
      status: 503,
      title: 'ServiceUnavailableError',
      errorCode: 'SYS_003',
      detail: `The ${what} did not answer in time`,
      recoveryHints: ['Retry with exponential backoff', 'Check GET /readyz of the platform services'],
    }),
};
