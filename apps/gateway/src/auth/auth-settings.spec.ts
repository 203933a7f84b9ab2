import { authSettingsFromEnv } from './auth-settings';

const LONG = 'x'.repeat(40);

describe('auth settings', () => {
  it('given development with a short secret, when read, then it starts with the local issuer and the standard tier', () => {
    const settings = authSettingsFromEnv({ SIGIL_JWT_SECRET: 'dev' });
    expect(settings).toMatchObject({ production: false, issuer: 'sigil-local', defaultTier: 'standard' });
    expect(settings.secret).toEqual(new TextEncoder().encode('dev'));
  });

  it('given production with a short secret, when read, then it refuses to start', () => {
    expect(() => authSettingsFromEnv({ SIGIL_ENV: 'production', SIGIL_JWT_SECRET: 'short', SIGIL_JWT_ISSUER: 'https://auth' })).toThrow(
      'SIGIL_JWT_SECRET must be at least 32 characters in production',
    );
  });

  it('given production with a documented placeholder, when read, then it refuses to start', () => {
    const placeholder = 'replace-with-a-long-random-secret-of-32-bytes-or-more';
    expect(() => authSettingsFromEnv({ NODE_ENV: 'production', SIGIL_JWT_SECRET: placeholder, SIGIL_JWT_ISSUER: 'https://auth' })).toThrow('placeholder');
  });

  it('given production without an issuer, when read, then it refuses to start', () => {
    expect(() => authSettingsFromEnv({ SIGIL_ENV: 'production', SIGIL_JWT_SECRET: LONG })).toThrow('SIGIL_JWT_ISSUER is required in production');
  });

  it('given neither a secret nor a JWKS URL, when read, then the variables are named', () => {
    expect(() => authSettingsFromEnv({})).toThrow('set SIGIL_JWT_SECRET (HS256) or SIGIL_JWT_JWKS_URL (RS256/ES256)');
  });

  it('given a JWKS URL only, when read, then it is trusted without a secret', () => {
    const settings = authSettingsFromEnv({ SIGIL_ENV: 'production', SIGIL_JWT_JWKS_URL: 'https://idp/.well-known/jwks.json', SIGIL_JWT_ISSUER: 'https://idp' });
    expect(settings.secret).toBeUndefined();
    expect(settings.jwksUrl?.href).toBe('https://idp/.well-known/jwks.json');
  });

  it('given an unknown default tier, when read, then the choices are named', () => {
    expect(() => authSettingsFromEnv({ SIGIL_JWT_SECRET: LONG, SIGIL_DEFAULT_TIER: 'gold' })).toThrow('SIGIL_DEFAULT_TIER must be one of');
  });
});
