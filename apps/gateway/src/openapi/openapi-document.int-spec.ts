import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { serviceModule, settingsFromEnv } from '@sigil/service-kit';
import { testInfrastructure } from '@sigil/testing';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { OpenAPIObject } from '@nestjs/swagger';
import { gatewayService } from '../gateway.service';
import { buildOpenApiDocument } from './openapi-document';

type Operation = { security?: unknown[]; responses: Record<string, unknown>; requestBody?: unknown };

describe('OpenAPI description of the gateway', () => {
  let app: NestFastifyApplication;
  let document: OpenAPIObject;
  const routes: { method: string; url: string }[] = [];

  beforeAll(async () => {
    const { natsUrl, databaseUrl, redisUrl } = testInfrastructure();
    process.env.SIGIL_JWT_SECRET = 'openapi-test-secret-0123456789abcdef';
    const settings = settingsFromEnv('gateway', 0, { NATS_URL: natsUrl, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, SIGIL_API_PORT: '0' });
    const adapter = new FastifyAdapter();
    adapter.getInstance().addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) routes.push({ method: method.toLowerCase(), url: route.url });
    });
    app = await NestFactory.create<NestFastifyApplication>(serviceModule(gatewayService, settings), adapter, { logger: false });
    await app.init();
    document = buildOpenApiDocument(app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('is a valid OpenAPI 3.1 document by a standard validator', async () => {
    const result = await new Validator().validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('describes every route the gateway serves', () => {
    const served = routes.filter((route) => ['get', 'post', 'put', 'patch', 'delete'].includes(route.method)).map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      ['get', 'post', 'put', 'patch', 'delete'].filter((method) => (item as Record<string, unknown>)[method]).map((method) => `${method} ${path}`),
    );
    expect(served).toContain('get /v7/agents/{name}');
    expect(served).toContain('put /v7/contracts/{name}');
    expect(served.filter((route) => !route.includes(' /v7/docs'))).toEqual(expect.arrayContaining(documented));
    expect(documented).toEqual(expect.arrayContaining(served.filter((route) => !route.includes(' /v7/docs'))));
  });

  it('gives every /v7 operation its credentials and error responses as problem details', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => ({ id: `${method} ${path}`, path, method, operation })),
    );
    const api = operations.filter(({ path }) => path.startsWith('/v7/'));
    expect(api.length).toBeGreaterThanOrEqual(16);
    for (const { id, path, method, operation } of api) {
      const statuses = Object.keys(operation.responses);
      expect([id, operation.security]).toEqual([id, [{ bearer: [] }, { api_key: [] }]]);
      expect([id, statuses]).toEqual([id, expect.arrayContaining(['400', '401', '403', '429', '500', '503'])]);
      if (path.includes('{')) expect([id, statuses]).toEqual([id, expect.arrayContaining(['404'])]);
      if (method === 'post') expect([id, statuses]).toEqual([id, expect.arrayContaining(['409', '422'])]);
      if (operation.requestBody) expect([id, statuses]).toEqual([id, expect.arrayContaining(['413', '415'])]);
    }
    const createAgent = document.components?.schemas?.CreateAgentDto as { properties: Record<string, { pattern?: string; enum?: string[] }>; required: string[] };
    expect(createAgent.required).toEqual(expect.arrayContaining(['name', 'stratum', 'description']));
    expect(createAgent.properties.name.pattern).toBe('^[a-z][a-z0-9_]*$');
    expect(createAgent.properties.stratum.enum).toEqual(['RTI', 'RAI', 'ZACS', 'EEI', 'IGE']);
  });

  const responses = (path: string, method: string) => {
    const operation = (document.paths[path] as Record<string, Operation>)[method];
    return Object.fromEntries(Object.entries(operation.responses).map(([status, response]) => [status, (response as { description: string }).description]));
  };
  const schema = (name: string) => document.components?.schemas?.[name] as { required?: string[]; properties: Record<string, Record<string, unknown>> };

  it('documents the contract errors (CV codes) where the contract routes can answer them, and their query parameters', () => {
    expect(responses('/v7/contracts', 'post')).toMatchObject({ '400': expect.stringContaining('CV-002'), '409': expect.stringContaining('CV-005') });
    expect(responses('/v7/contracts/{name}', 'put')).toMatchObject({ '400': expect.stringContaining('CV-003'), '403': expect.stringContaining('CV-006'), '404': expect.stringContaining('CV-004') });
    expect(responses('/v7/contracts/{name}', 'delete')).toMatchObject({ '403': expect.stringContaining('CV-006'), '404': expect.stringContaining('CV-004') });
    expect(responses('/v7/contracts/validate', 'post')).toMatchObject({ '400': expect.stringContaining('CV-001'), '404': expect.stringContaining('CV-004') });
    expect(responses('/v7/templates/{name}/prompt-context', 'get')).toMatchObject({ '404': expect.stringContaining('CV-004') });
    const listParameters = (document.paths['/v7/contracts'].get?.parameters ?? []) as { name: string; required: boolean; schema: { default?: unknown } }[];
    expect(listParameters.map(({ name, required, schema }) => [name, required, schema.default])).toEqual([
      ['q', false, undefined],
      ['page', false, 1],
      ['per_page', false, 20],
    ]);
    const validate = document.components?.schemas?.ValidateOutputDto as { required: string[]; properties: Record<string, unknown> };
    expect(validate.required).toEqual(['output']);
    expect(Object.keys(validate.properties).sort()).toEqual(['contract', 'contract_name', 'output']);
  });

  it('documents how a run can stop without a result on both run routes, and the run config that bounds it', () => {
    for (const [path, body] of [
      ['/v7/agents/{name}/run', 'RunAgentDto'],
      ['/v7/contracts/execute', 'ExecutionRequestDto'],
    ]) {
      expect([path, responses(path, 'post')]).toEqual([
        path,
        expect.objectContaining({ '202': expect.any(String), '409': expect.stringContaining('RUN_004'), '422': expect.stringContaining('CTX_003'), '504': expect.stringContaining('RUN_005') }),
      ]);
      expect([path, schema(body).properties.config.$ref, schema(body).properties.timeout_ms.description]).toEqual([
        path,
        '#/components/schemas/RunConfigDto',
        expect.stringContaining('config.timeout_ms'),
      ]);
    }
    expect(responses('/v7/contracts/execute', 'post')['422']).toContain('CV-008');
    expect(schema('RunConfigDto').properties).toMatchObject({
      max_total_tokens: { type: 'integer', minimum: 1, maximum: 2_000_000 },
      timeout_ms: { type: 'integer', minimum: 1_000, maximum: 3_600_000 },
    });
  });

  it('documents the cancel route: an optional reason, 202, and RUN_001 / RUN_006', () => {
    const cancel = (document.paths['/v7/runs/{id}/cancel'] as Record<string, Operation & { requestBody: { required: boolean; content: Record<string, { schema: { $ref: string } }> } }>).post;
    expect(cancel.requestBody.required).toBe(false);
    expect(cancel.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/CancelRunDto');
    expect(schema('CancelRunDto').properties.reason).toMatchObject({ type: 'string', maxLength: 500 });
    expect(responses('/v7/runs/{id}/cancel', 'post')).toMatchObject({ '202': expect.any(String), '404': expect.stringContaining('RUN_001'), '409': expect.stringContaining('RUN_006') });
    expect(cancel.security).toEqual([{ bearer: [] }, { api_key: [] }]);
    expect((cancel as unknown as Record<string, unknown>)['x-required-scopes']).toEqual(['agents:execute']);
  });

  it('documents an agent’s config: its token budget, 1000 to 2000000 or null', () => {
    for (const dto of ['CreateAgentDto', 'UpdateAgentDto']) expect([dto, schema(dto).properties.config.$ref]).toEqual([dto, '#/components/schemas/AgentConfigDto']);
    expect(schema('AgentConfigDto').properties.max_total_tokens).toMatchObject({ type: ['integer', 'null'], minimum: 1_000, maximum: 2_000_000 });
  });

  it('documents the extension members of the run problems', () => {
    expect(Object.keys(schema('ProblemDetails').properties)).toEqual(expect.arrayContaining(['run_id', 'run_status', 'partial_results']));
  });

  it('documents the memory routes: their scopes, the 202 of a stored resource, MEM_001 and MEM_404, the bodies and the list’s pages', () => {
    const scopes = (path: string, method: string) => (document.paths[path] as Record<string, Record<string, unknown>>)[method]['x-required-scopes'];
    expect(
      [
        ['/v7/memory/resources', 'post'],
        ['/v7/memory/resources/{id}', 'get'],
        ['/v7/memory/search', 'post'],
        ['/v7/memory/categories', 'get'],
        ['/v7/memory/categories/{name}', 'get'],
        ['/v7/memory/sessions/{id}', 'delete'],
        ['/v7/memory/subjects/{id}', 'delete'],
      ].map(([path, method]) => scopes(path, method)),
    ).toEqual([['memory:write'], ['memory:read'], ['memory:read'], ['memory:read'], ['memory:read'], ['memory:write'], ['admin']]);
    expect(responses('/v7/memory/resources', 'post')).toMatchObject({ '202': expect.any(String), '400': expect.stringContaining('MEM_001') });
    expect(responses('/v7/memory/search', 'post')).toMatchObject({ '200': expect.any(String), '400': expect.stringContaining('MEM_001') });
    expect(responses('/v7/memory/resources/{id}', 'get')).toMatchObject({ '404': expect.stringContaining('MEM_404') });
    expect(responses('/v7/memory/categories/{name}', 'get')).toMatchObject({ '404': expect.stringContaining('MEM_404') });
    expect(schema('StoreResourceDto').required).toEqual(['resource_type', 'content']);
    expect(schema('StoreResourceDto').properties.resource_type.enum).toEqual(['conversation', 'document', 'config', 'transcript']);
    expect(schema('SearchMemoryDto').properties.filters.$ref).toBe('#/components/schemas/SearchFiltersDto');
    expect(schema('SearchFiltersDto').properties.created_after).toMatchObject({ type: 'string', format: 'date-time' });
    const listParameters = (document.paths['/v7/memory/categories'].get?.parameters ?? []) as { name: string; in: string }[];
    expect(listParameters.map((parameter) => [parameter.name, parameter.in])).toEqual([
      ['page', 'query'],
      ['per_page', 'query'],
    ]);
  });
});
