import { requestSlot } from '../common/request-slot';
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

const principalSlot = requestSlot<Principal>('sigil.principal', 'no principal on the request: the route is missing from the authentication guard');

export const attachPrincipal = principalSlot.attach;

/** The authenticated caller; every non-public route runs after the guard has attached one. */
export const principalOf = principalSlot.of;

export const maybePrincipalOf = principalSlot.maybe;
