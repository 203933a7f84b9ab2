import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { conditionalGet } from './caching/conditional-get';
import { corsOriginsFromEnv } from './common/cors-origins';
import { sendProblem } from './common/problem-details.filter';
import { securityHeaders } from './common/security-headers';
import { serveOpenApi } from './openapi/openapi-document';
import { httpMetrics } from './observability/http-metrics';

const EXPOSED_HEADERS = [
  'X-Request-ID',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'X-RateLimit-Window',
  'Retry-After',
  'ETag',
  'Location',
  'X-Tokens-Used',
  'X-Tokens-Remaining',
  'Idempotent-Replayed',
];

/** Security headers, the CORS allowlist, metrics, problem details for errors raised before routing, and the API description. */
export async function configureGatewayHttp(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  // The API speaks JSON only: any other body is a 415, not a string handed to validation.
  fastify.removeContentTypeParser('text/plain');
  fastify.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => sendProblem(error, request, reply));
  const headers = securityHeaders();
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => done(null, conditionalGet(request, reply, payload)));
  app.enableCors({
    origin: corsOriginsFromEnv(process.env.SIGIL_CORS_ORIGINS),
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-API-Key', 'X-Request-ID', 'Idempotency-Key', 'If-None-Match'],
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 3_600,
  });
  httpMetrics.instrument(fastify);
  serveOpenApi(app);
}
