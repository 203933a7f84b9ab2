import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { PROBLEM_DETAILS_SCHEMA, problemResponse } from './problem-schema';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * The OpenAPI 3.1 description, generated from the controllers (routes, parameters, access) and the
 * class-validator rules of the DTOs (schemas); the responses every route shares are added here.
 */
export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Sigil API')
    .setDescription('The public API of the Sigil agent platform. Errors are RFC 9457 problem details.')
    .setVersion('7')
    .setOpenAPIVersion('3.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api_key')
    .build();
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` });
  const schemas = validationMetadatasToSchemas({ refPointerPrefix: '#/components/schemas/' });
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...schemas, ProblemDetails: PROBLEM_DETAILS_SCHEMA } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) addSharedResponses(path, method, operation);
    }
  }
  return document;
}

/** What any route can answer beyond its own result, by what the route takes. */
function addSharedResponses(path: string, method: string, operation: Operation): void {
  const responses = operation.responses;
  const add = (status: number, description: string) => (responses[status] ??= problemResponse(description));
  add(500, 'Unexpected error; the request_id identifies it in the logs');
  add(503, 'A platform service did not answer in time');
  if (!path.startsWith('/v7/')) return;
  add(400, 'Invalid query, path or body; validation_errors lists every violation');
  if (path.includes('{')) add(404, 'No such resource for this tenant');
  if (operation.requestBody) {
    add(413, 'Body larger than the limit');
    add(415, 'Body is not application/json');
  }
  if (method === 'post') {
    add(409, 'A request with this Idempotency-Key is still in progress, or the resource conflicts');
    add(422, 'Idempotency-Key reused with a different body, or a semantically invalid request');
    operation.parameters = [
      ...(operation.parameters ?? []),
      { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 }, description: 'Repeat-safe POST: the first response is returned for 24 h' },
    ];
  }
}

/** Where the interactive page and its assets are served (HTML: it gets the page set of security headers). */
export const DOCS_PAGE_PATH = '/v7/docs';

/** JSON at /v7/openapi.json and the interactive page at /v7/docs; both public. */
export function serveOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(DOCS_PAGE_PATH.slice(1), app, document, { jsonDocumentUrl: 'v7/openapi.json', yamlDocumentUrl: 'v7/openapi.yaml', customSiteTitle: 'Sigil API' });
  return document;
}
