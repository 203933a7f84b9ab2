import { isTier, type Tier } from '../rate-limits/tiers';

export const JWT_AUDIENCE = 'sigil-api';
const MIN_SECRET_LENGTH = 32;
/** Placeholders that appear in our docs and examples: a deployment that still has one is misconfigured. */
const KNOWN_PLACEHOLDERS = ['change-me', 'changeme', 'secret', 'sigil-dev-secret', 'your-jwt-secret', 'replace-with-a-long-random-secret-of-32-bytes-or-more'];

export interface AuthSettings {
  production: boolean;
  issuer: string;
  /** HS256 secret; absent when only a JWKS is trusted. */
  secret?: Uint8Array;
  /** RS256/ES256 keys of an identity provider. */
  jwksUrl?: URL;
  /** Tier of callers whose token carries none. */
  defaultTier: Tier;
}

/**
 * Reads SIGIL_JWT_* from the environment and refuses what would be unsafe: in production a
 * missing, short or placeholder secret stops the gateway from starting.
 */
export function authSettingsFromEnv(env: NodeJS.ProcessEnv): AuthSettings {
  const production = env.SIGIL_ENV === 'production' || env.NODE_ENV === 'production';
  const rawSecret = env.SIGIL_JWT_SECRET;
  const jwksUrl = env.SIGIL_JWT_JWKS_URL ? parseUrl(env.SIGIL_JWT_JWKS_URL) : undefined;
  if (!rawSecret && !jwksUrl) throw new Error('set SIGIL_JWT_SECRET (HS256) or SIGIL_JWT_JWKS_URL (RS256/ES256): the gateway authenticates every request');
  if (rawSecret !== undefined) checkSecret(rawSecret, production);
  const issuer = env.SIGIL_JWT_ISSUER ?? (production ? '' : 'sigil-local');
  if (!issuer) throw new Error('SIGIL_JWT_ISSUER is required in production');
  const defaultTier = env.SIGIL_DEFAULT_TIER ?? 'standard';
  if (!isTier(defaultTier)) throw new Error(`SIGIL_DEFAULT_TIER must be one of free, standard, pro, enterprise, got "${defaultTier}"`);
  return { production, issuer, secret: rawSecret ? new TextEncoder().encode(rawSecret) : undefined, jwksUrl, defaultTier };
}

function checkSecret(secret: string, production: boolean): void {
  if (!production) return;
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`SIGIL_JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters in production`);
  if (KNOWN_PLACEHOLDERS.includes(secret.toLowerCase())) throw new Error('SIGIL_JWT_SECRET is a documented placeholder; generate a random secret');
}

function parseUrl(raw: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw new Error(`SIGIL_JWT_JWKS_URL is not a URL: "${raw}"`);
  }
}
