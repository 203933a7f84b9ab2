import { applyDecorators, SetMetadata } from '@nestjs/common';
import { DocumentedAccess } from '../openapi/api-docs.decorators';
import type { Scope } from './scopes';

export const REQUIRED_SCOPES = 'sigil:required-scopes';

/** The scopes a route needs; every route not marked public must say (the guard fails closed otherwise). */
export const RequireScopes = (...scopes: Scope[]) => applyDecorators(SetMetadata(REQUIRED_SCOPES, scopes), DocumentedAccess(scopes));
