import { SignJWT } from 'jose';
import { JwtVerifier, TokenRejected } from './jwt-verifier';

const secret = new TextEncoder().encode('a-test-secret-that-is-long-enough-for-hs256');
const verifier = () => new JwtVerifier({ production: false, issuer: 'tests', secret, defaultTier: 'standard' });

const token = (expiresAt: number | string, claims: Record<string, unknown> = {}) =>
  new SignJWT({ tenant_id: 'tenant-a', scope: 'agents:read', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('user-1')
    .setAudience('sigil-api')
    .setIssuer('tests')
    .setExpirationTime(expiresAt)
    .sign(secret);

describe('JwtVerifier', () => {
  it('given a token verified once, when it is looked up, then its principal is remembered without a second signature check', async () => {
    const jwt = verifier();
    const bearer = await token('5m');
    const principal = await jwt.verify(bearer);
    expect(principal).toEqual({ tenantId: 'tenant-a', subject: 'user-1', scopes: ['agents:read'], tier: 'standard', credential: 'jwt' });
    expect(jwt.remembered(bearer)).toBe(principal);
  });

  it('given a token never verified, when it is looked up, then nothing is remembered for it', async () => {
    expect(verifier().remembered(await token('5m'))).toBeUndefined();
  });

  it('given a remembered token that has since expired, when it is looked up or verified, then it is forgotten and refused as expired', async () => {
    const jwt = verifier();
    const bearer = await token(Math.floor(Date.now() / 1000) + 2);
    await jwt.verify(bearer);
    expect(jwt.remembered(bearer)).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(jwt.remembered(bearer)).toBeUndefined();
    await expect(jwt.verify(bearer)).rejects.toEqual(new TokenRejected('expired', 'The token has expired'));
  });

  it('given a token whose signature does not match, when verified, then it is refused and not remembered', async () => {
    const jwt = verifier();
    const bearer = await token('5m');
    const tampered = `${bearer.slice(0, -2)}${bearer.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(jwt.verify(tampered)).rejects.toBeInstanceOf(TokenRejected);
    expect(jwt.remembered(tampered)).toBeUndefined();
  });
});
