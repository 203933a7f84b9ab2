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
  runNotFound: (id: string) =>
    new ProblemException({
      status: 404,
      title: 'RunNotFoundError',
      errorCode: 'RUN_001',
      detail: `Run '${id}' not found`,
      recoveryHints: ['Verify the run id', 'Runs are visible only to the tenant that started them'],
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
