import { corsOriginsFromEnv } from './cors-origins';

describe('CORS allowlist', () => {
  it('given a comma-separated list, when read, then each origin is kept in order', () => {
    expect(corsOriginsFromEnv('https://app.sigil.acti.ai, http://localhost:3000')).toEqual(['https://app.sigil.acti.ai', 'http://localhost:3000']);
  });

  it('given nothing, when read, then no origin is allowed', () => {
    expect(corsOriginsFromEnv(undefined)).toEqual([]);
    expect(corsOriginsFromEnv(' ')).toEqual([]);
  });

  it('given a wildcard or a URL with a path, when read, then it is refused with the entry named', () => {
    expect(() => corsOriginsFromEnv('*')).toThrow('must list origins');
    expect(() => corsOriginsFromEnv('https://app.example.com/path')).toThrow('"https://app.example.com/path" is not an origin');
  });
});
