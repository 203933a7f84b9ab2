import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { isTier } from '../rate-limits/tiers';
import { JWT_AUDIENCE, type AuthSettings } from './auth-settings';
import type { Principal } from './principal';
import { parseScopeClaim } from './scopes';

export const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const CACHE_LIMIT = 10_000;

export type TokenRejection = 'expired' | 'invalid';

export class TokenRejected extends Error {
  constructor(
    readonly reason: TokenRejection,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * Verifies bearer tokens: HS256 against SIGIL_JWT_SECRET, RS256/ES256 against the identity
 * provider's JWKS; `aud`, `iss`, `exp` and `nbf` always. A verified token is remembered until it
 * expires, so a client's repeated calls cost one signature check.
 */
export class JwtVerifier {
  private readonly jwks?: JWTVerifyGetKey;
  private readonly verified = new Map<string, { principal: Principal; expiresAtMs: number }>();

  constructor(private readonly settings: AuthSettings) {
    this.jwks = settings.jwksUrl ? createRemoteJWKSet(settings.jwksUrl) : undefined;
  }

  async verify(token: string): Promise<Principal> {
    const remembered = this.remembered(token);
    if (remembered) return remembered;
    const payload = await this.verifySignatureAndClaims(token);
    const principal = this.principalOf(payload);
    this.remember(token, principal, payload.exp);
    return principal;
  }

  /** The principal of a token verified before, while it has not expired; a lapsed one is forgotten. */
  remembered(token: string): Principal | undefined {
    const cached = this.verified.get(token);
    if (!cached) return undefined;
    if (cached.expiresAtMs > Date.now()) return cached.principal;
    this.verified.delete(token);
    return undefined;
  }

  private async verifySignatureAndClaims(token: string): Promise<JWTPayload> {
    const options = { audience: JWT_AUDIENCE, issuer: this.settings.issuer, requiredClaims: ['exp', 'sub'] };
    try {
      const { payload } = await jwtVerify(token, (header, input) => this.keyFor(header.alg, header, input), {
        ...options,
        algorithms: ['HS256', 'RS256', 'ES256'],
      });
      return payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new TokenRejected('expired', 'The token has expired');
      if (error instanceof errors.JWTClaimValidationFailed) throw new TokenRejected('invalid', `The token's ${error.claim} claim is not accepted`);
      throw new TokenRejected('invalid', 'The token could not be verified');
    }
  }

  private keyFor(alg: string | undefined, ...jwksArgs: Parameters<JWTVerifyGetKey>) {
    if (alg === 'HS256') {
      if (!this.settings.secret) throw new TokenRejected('invalid', 'HS256 tokens are not accepted here');
      return this.settings.secret;
    }
    if (!this.jwks) throw new TokenRejected('invalid', `${alg ?? 'unsigned'} tokens are not accepted here`);
    return this.jwks(...jwksArgs);
  }

  private principalOf(payload: JWTPayload): Principal {
    const tenantId = payload.tenant_id;
    if (typeof tenantId !== 'string' || !TENANT_ID.test(tenantId)) throw new TokenRejected('invalid', 'The token has no valid tenant_id claim');
    return {
      tenantId,
      subject: String(payload.sub),
      scopes: parseScopeClaim(payload.scope),
      tier: isTier(payload.tier) ? payload.tier : this.settings.defaultTier,
      credential: 'jwt',
    };
  }

  private remember(token: string, principal: Principal, exp: number | undefined): void {
    if (exp === undefined) return;
    if (this.verified.size >= CACHE_LIMIT) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { principal, expiresAtMs: exp * 1000 });
  }
}
