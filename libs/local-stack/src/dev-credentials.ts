import { SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const LOCAL_ISSUER = 'sigil-local';
export const ALL_SCOPES = 'agents:read agents:write agents:execute memory:read memory:write evolution:read evolution:write admin';

/** The local stack's HS256 secret: random per checkout, kept in the state directory, never in the repository. */
export function localJwtSecret(stateDir: string): string {
  const file = path.join(stateDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(stateDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export interface TokenClaims {
  tenantId: string;
  scope: string;
  subject?: string;
  tier?: string;
  ttlSeconds?: number;
  issuer?: string;
}

/** A bearer token the gateway accepts when it shares the secret (local development and tests). */
export function mintToken(secret: string, claims: TokenClaims): Promise<string> {
  const { tenantId, scope, subject = 'local-developer', tier, ttlSeconds = 3_600, issuer = LOCAL_ISSUER } = claims;
  return new SignJWT({ tenant_id: tenantId, scope, ...(tier ? { tier } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setAudience('sigil-api')
    .setIssuer(issuer)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
}
