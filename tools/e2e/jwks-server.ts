import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface IdentityProvider {
  jwksUrl: string;
  /** Signs with the provider's RS256 or ES256 key, as a real identity provider would. */
  sign(alg: 'RS256' | 'ES256', claims: Record<string, unknown>, issuer: string): Promise<string>;
  close(): Promise<void>;
}

/** A real HTTP JWKS endpoint with one RSA and one EC key, for the gateway's RS256/ES256 path. */
export async function startIdentityProvider(): Promise<IdentityProvider> {
  const keys: Record<'RS256' | 'ES256', CryptoKey> = {
    RS256: (await generateKeyPair('RS256', { extractable: true })).privateKey,
    ES256: (await generateKeyPair('ES256', { extractable: true })).privateKey,
  };
  const publicJwks = await Promise.all(
    (['RS256', 'ES256'] as const).map(async (alg) => {
      const { kty, n, e, crv, x, y } = await exportJWK(keys[alg]);
      return { kty, n, e, crv, x, y, alg, kid: `e2e-${alg}`, use: 'sig' };
    }),
  );
  const server: Server = createServer((_, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys: publicJwks }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    sign: (alg, claims, issuer) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg, kid: `e2e-${alg}` })
        .setAudience('sigil-api')
        .setIssuer(issuer)
        .setSubject('idp-user')
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(keys[alg]),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
