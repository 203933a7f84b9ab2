import { CorsPolicy } from './cors-policy';

const APP = 'https://app.sigil.test';
const policy = new CorsPolicy([APP]);

describe('CORS policy', () => {
  it('given a request without an Origin, when decided, then no CORS header is added', () => {
    expect(policy.decide({ method: 'GET', origin: undefined, requestedMethod: undefined })).toEqual({ headers: undefined, preflight: false });
  });

  it('given an allowed origin, when a simple request is decided, then it may read the response and its exposed headers', () => {
    const { headers, preflight } = policy.decide({ method: 'GET', origin: APP, requestedMethod: undefined });
    expect(preflight).toBe(false);
    expect(headers).toMatchObject({ 'access-control-allow-origin': APP, 'access-control-allow-credentials': 'true' });
    expect(headers?.['access-control-expose-headers']).toContain('X-RateLimit-Remaining');
    expect(headers).not.toHaveProperty('access-control-allow-methods');
  });

  it('given an allowed origin, when a preflight is decided, then it is answered with the methods, headers and max age', () => {
    const { headers, preflight } = policy.decide({ method: 'OPTIONS', origin: APP, requestedMethod: 'POST' });
    expect(preflight).toBe(true);
    expect(headers).toMatchObject({ 'access-control-allow-origin': APP, 'access-control-max-age': '3600' });
    expect(headers?.['access-control-allow-methods']).toContain('PATCH');
    expect(headers?.['access-control-allow-headers']).toContain('Idempotency-Key');
  });

  it('given an origin not on the list, when decided, then a preflight is answered without any allowance and a simple request gets none', () => {
    expect(policy.decide({ method: 'OPTIONS', origin: 'https://evil.test', requestedMethod: 'POST' })).toEqual({ headers: undefined, preflight: true });
    expect(policy.decide({ method: 'GET', origin: 'https://evil.test', requestedMethod: undefined })).toEqual({ headers: undefined, preflight: false });
  });

  it('given an OPTIONS request that asks for no method, when decided, then it is not a preflight and goes to routing', () => {
    expect(policy.decide({ method: 'OPTIONS', origin: APP, requestedMethod: undefined }).preflight).toBe(false);
  });
});
