import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Problems } from '../common/problem';
import { parseApiKey, secretMatches } from './api-keys/api-key-secret';
import { ApiKeyStore } from './api-keys/api-key-store';
import { JwtVerifier, TokenRejected } from './jwt-verifier';
import type { Principal } from './principal';

const BEARER_PREFIX = 'Bearer ';
const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;

/** Turns the request's credentials into a principal, or a 401 problem saying what is wrong with them. */
@Injectable()
export class Authenticator {
  constructor(
    @Inject(JwtVerifier) private readonly jwt: JwtVerifier,
    private readonly apiKeys: ApiKeyStore,
  ) {}

  /** The caller of a bearer token verified before and not yet expired; anything else is for `authenticate`. */
  knownCaller(request: FastifyRequest): Principal | undefined {
    const authorization = request.headers.authorization;
    if (typeof authorization !== 'string' || !authorization.startsWith(BEARER_PREFIX)) return undefined;
    return this.jwt.remembered(authorization.slice(BEARER_PREFIX.length));
  }

  async authenticate(request: FastifyRequest): Promise<Principal> {
    const authorization = request.headers.authorization;
    const apiKey = request.headers['x-api-key'];
    if (typeof authorization === 'string') return this.bearer(authorization);
    if (typeof apiKey === 'string') return this.apiKey(apiKey);
    throw Problems.missingCredentials();
  }

  private async bearer(authorization: string): Promise<Principal> {
    const token = BEARER.exec(authorization)?.[1];
    if (!token) throw Problems.invalidToken('The Authorization header must be "Bearer <token>"');
    try {
      return await this.jwt.verify(token);
    } catch (error) {
      if (error instanceof TokenRejected) throw error.reason === 'expired' ? Problems.expiredToken() : Problems.invalidToken(error.message);
      throw error;
    }
  }

  private async apiKey(plaintext: string): Promise<Principal> {
    const parsed = parseApiKey(plaintext);
    if (!parsed) throw Problems.invalidApiKey('The API key is malformed');
    const key = await this.apiKeys.findForAuthentication(parsed.id);
    if (!key || !secretMatches(parsed.secret, key.secretHash)) throw Problems.invalidApiKey('The API key is not valid');
    if (key.revokedAt) throw Problems.invalidApiKey('The API key has been revoked');
    if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) throw Problems.invalidApiKey('The API key has expired');
    return { tenantId: key.tenantId, subject: `key:${key.id}`, scopes: key.scopes, tier: key.tier, credential: 'api_key', apiKeyId: key.id };
  }
}
