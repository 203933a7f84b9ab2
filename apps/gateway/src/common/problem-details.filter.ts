import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException, type ProblemInit } from './problem';

const TITLES: Record<number, string> = { 400: 'BadRequest', 404: 'NotFound', 405: 'MethodNotAllowed', 413: 'PayloadTooLarge', 415: 'UnsupportedMediaType' };

export function problemFor(exception: unknown): ProblemInit {
  if (exception instanceof ProblemException) return exception.problem;
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    const status = exception.getStatus();
    return { status, title: TITLES[status] ?? 'ClientError', errorCode: `REQ_${status}`, detail: exception.message };
  }
  return {
    status: 500,
    title: 'InternalServerError',
    errorCode: 'SYS_001',
    detail: 'An unexpected error occurred',
    recoveryHints: ['Retry with exponential backoff', 'Contact support with the request_id'],
  };
}

/** Every error leaves as RFC 9457 problem details; internals and stack traces never do. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('gateway.errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = problemFor(exception);
    if (problem.status >= 500) this.logger.error(`${request.method} ${request.url} [${request.id}]: ${exception instanceof Error ? exception.stack : String(exception)}`);
    void reply
      .status(problem.status)
      .header('content-type', 'application/problem+json')
      .send({
        type: `https://sigil.acti.ai/errors/${problem.errorCode.toLowerCase().replace(/_/g, '-')}`,
        title: problem.title,
        status: problem.status,
        detail: problem.detail,
        instance: request.url.split('?')[0],
        error_code: problem.errorCode,
        request_id: request.id,
        timestamp: new Date().toISOString(),
        ...(problem.validationErrors ? { validation_errors: problem.validationErrors } : {}),
        recovery_hints: problem.recoveryHints ?? [],
      });
  }
}
