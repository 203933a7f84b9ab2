import { securityHeaders } from './security-headers';

const CSP =
  "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;" +
  "object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';upgrade-insecure-requests";

describe('security headers', () => {
  it("given the gateway's options, when computed, then helmet's defaults come out with our CSP sources and HSTS", () => {
    const headers = securityHeaders();
    expect(headers).toMatchObject({
      'content-security-policy': CSP,
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(Object.keys(headers)).not.toContain('x-powered-by');
  });
});
