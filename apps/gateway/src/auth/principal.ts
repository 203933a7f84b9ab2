import type { FastifyRequest } from 'fastify';
import type { Tier } from '../rate-limits/tiers';
import type { Scope } from './scopes';

/** Who is calling: a user with a bearer token, or a service account with an API key. */
export interface Principal {
  tenantId: string;
  /** `sub` of the token, or `key:<id>` of an API key. */
  subject: string;
  scopes: Scope[];
  tier: Tier;
  credential: 'jwt' | 'api_key';
  /** The API key's id; rate limits count per key for service accounts, per tenant for users. */
  apiKeyId?: string;
}

const PRINCIPAL = Symbol('sigil.principal');

type WithPrincipal = FastifyRequest & { [PRINCIPAL]?: Principal };

export function attachPrincipal(request: FastifyRequest, principal: Principal): void {
  (request as WithPrincipal)[PRINCIPAL] = principal;
}

/** The authenticated caller; every non-public route runs after the guard has attached one. */
export function principalOf(request: FastifyRequest): Principal {
  const principal = (request as WithPrincipal)[PRINCIPAL];
  if (!principal) throw new Error('no principal on the request: the route is missing from the authentication guard');
  return principal;
}

export function maybePrincipalOf(request: FastifyRequest): Principal | undefined {
  return (request as WithPrincipal)[PRINCIPAL];
}
