import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { conditionalGet } from './caching/conditional-get';
import { corsOriginsFromEnv } from './common/cors-origins';
import { sendProblem } from './common/problem-details.filter';
import { API_RESPONSE_HEADERS, docsPageSecurityHeaders } from './common/security-headers';
import { CorsPolicy } from './common/cors-policy';
import { DOCS_PAGE_PATH, serveOpenApi } from './openapi/openapi-document';
import { httpMetrics } from './observability/http-metrics';

/** Security headers, the CORS allowlist, metrics, problem details for errors raised before routing, and the API description. */
export async function configureGatewayHttp(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // The API speaks JSON only: any other body is a 415, not a string handed to validation.
  fastify.removeContentTypeParser('text/plain');
  fastify.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => sendProblem(error, request, reply));
  const cors = new CorsPolicy(corsOriginsFromEnv(process.env.SIGIL_CORS_ORIGINS));
  const docsPageHeaders = docsPageSecurityHeaders();
  // Headers go on the Fastify reply only: one written to the raw response (as Nest's enableCors
  // does) sends Node's writeHead down its slow path of one setHeader per header (ADR 0013).
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(request.url.startsWith(DOCS_PAGE_PATH) ? docsPageHeaders : API_RESPONSE_HEADERS);
    const { origin, 'access-control-request-method': requestedMethod } = request.headers;
    const decision = cors.decide({ method: request.method, origin, requestedMethod });
    if (decision.headers) void reply.headers(decision.headers);
    if (!decision.preflight) return done();
    void reply.code(204).header('content-length', '0').send();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => done(null, conditionalGet(request, reply, payload)));
  httpMetrics.instrument(fastify);
  serveOpenApi(app);
}
