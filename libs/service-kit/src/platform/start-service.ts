import { Logger, type DynamicModule, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { JetStreamServer, RethrowRpcErrorsFilter } from '@sigil/messaging';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { ServiceSettings } from '../config/service-settings';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Above every id the API accepts in a path (200 characters), so that validation, not the router, answers a long one. */
const MAX_PATH_PARAM_LENGTH = 512;

/** The caller's X-Request-ID when it is sane, else a new one; echoed on every response. */
function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

function logLevels(): LogLevel[] {
  const wanted = (process.env.SIGIL_LOG_LEVEL ?? 'log') as LogLevel;
  const index = LOG_LEVELS.indexOf(wanted);
  return LOG_LEVELS.slice(0, index < 0 ? 4 : index + 1);
}

export type HttpConfigurer = (app: NestFastifyApplication) => Promise<void>;

export interface StartedService {
  app: NestFastifyApplication;
  url: string;
}

/**
 * Boots a service the one way all services boot: Fastify HTTP (health and routes), the JetStream
 * transport for its bus handlers (the platform module starts the outbox relay where one is used), then listens.
 */
export async function startService(appModule: DynamicModule, settings: ServiceSettings, configureHttp?: HttpConfigurer): Promise<StartedService> {
  // Path ids (sessions, subjects) may be up to 200 characters; Fastify's default of 100 would answer 414 before any handler.
  const adapter = new FastifyAdapter({ bodyLimit: 1_048_576, requestIdHeader: false, genReqId: requestIdOf, routerOptions: { maxParamLength: MAX_PATH_PARAM_LENGTH } });
  adapter.getInstance().addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const app = await NestFactory.create<NestFastifyApplication>(appModule, adapter, { logger: logLevels() });
  app.enableShutdownHooks();
  await configureHttp?.(app);
  // Deferred, so the filter below is in place before the handlers are bound.
  const microservice = app.connectMicroservice({ strategy: app.get(JetStreamServer) }, { deferInitialization: true });
  microservice.useGlobalFilters(new RethrowRpcErrorsFilter());
  await app.startAllMicroservices();
  await app.listen({ port: settings.httpPort, host: settings.host });
  const url = await app.getUrl();
  new Logger(settings.serviceName).log(`listening on ${url}`);
  return { app, url: url.replace('[::1]', '127.0.0.1') };
}
