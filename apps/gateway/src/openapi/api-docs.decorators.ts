import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiQuery, ApiResponse, ApiSecurity, type SchemaObject } from '@nestjs/swagger';
import { targetConstructorToSchema } from 'class-validator-jsonschema';

import { problemResponse } from './problem-schema';

/** Describes an authenticated route: both credentials, its scopes, and the 401/403/429 it can answer. */
export const DocumentedAccess = (scopes: string[]) =>
  applyDecorators(
    ApiBearerAuth('bearer'),
    ApiSecurity('api_key'),
    ApiExtension('x-required-scopes', scopes),
    ApiResponse({ status: 401, ...problemResponse('Missing, invalid or expired credentials') }),
    ApiResponse({ status: 403, ...problemResponse(`Credentials lack a scope: ${scopes.join(', ')}`) }),
    ApiResponse({ status: 429, ...problemResponse('Rate limit exceeded; see Retry-After') }),
  );

/** Documents a query DTO's fields as query parameters, from its class-validator rules; a field with a default (page, per_page) is optional. */
export function DocumentedQuery(dto: Type<unknown>) {
  const schema = targetConstructorToSchema(dto) as { properties?: Record<string, SchemaObject>; required?: string[] };
  const defaults = new (dto as new () => Record<string, unknown>)();
  return applyDecorators(
    ...Object.entries(schema.properties ?? {}).map(([name, property]) =>
      ApiQuery({
        name,
        required: (schema.required?.includes(name) ?? false) && defaults[name] === undefined,
        schema: defaults[name] === undefined ? property : { ...property, default: defaults[name] },
      }),
    ),
  );
}

export const DocumentedNotModified = () => ApiResponse({ status: 304, description: 'The client copy (If-None-Match) is current' });
