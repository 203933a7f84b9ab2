import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { throwError, type Observable } from 'rxjs';
import { settleAfterDeferredCheck } from './deferred-check';
import { ProblemException, type ProblemInit } from './problem';

const TITLES: Record<number, string> = {
  400: 'BadRequest',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  408: 'RequestTimeout',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
};

const logger = new Logger('gateway.errors');

function isFastifyClientError(error: unknown): error is FastifyError & { statusCode: number } {
  if (!(error instanceof Error) || !('code' in error)) return false;
  const status = (error as FastifyError).statusCode;
  return typeof status === 'number' && status < 500;
}

export function problemFor(exception: unknown): ProblemInit {
  if (exception instanceof ProblemException) return exception.problem;
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    const status = exception.getStatus();
    return { status, title: TITLES[status] ?? 'ClientError', errorCode: `REQ_${status}`, detail: exception.message };
  }
  // Body limit, malformed JSON, wrong content type: Fastify rejects these before any route runs.
  if (isFastifyClientError(exception)) {
    const status = exception.statusCode;
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

/** Writes RFC 9457 problem details; the one place an error becomes a response. */
export function sendProblem(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const problem = problemFor(exception);
  if (problem.status >= 500) logger.error(`${request.method} ${request.url.split('?')[0]} [${request.id}]: ${exception instanceof Error ? exception.stack : String(exception)}`);
  if (problem.status === 401) void reply.header('www-authenticate', 'Bearer realm="sigil-api"');
  if (problem.headers) void reply.headers(problem.headers);
  void reply
    .status(problem.status)
    .header('content-type', 'application/problem+json')
    .send({
      // Extensions first: they can never overwrite a standard member.
      ...problem.extensions,
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

/** Every HTTP error leaves as problem details; internals and stack traces never do. Bus handler errors pass through to the transport. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): Observable<never> | undefined {
    if (host.getType() !== 'http') return throwError(() => exception);
    const http = host.switchToHttp();
    const [request, reply] = [http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>()];
    settleAfterDeferredCheck(request, exception, (failure) => sendProblem(failure, request, reply));
    return undefined;
  }
}
