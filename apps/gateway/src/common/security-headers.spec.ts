import { API_RESPONSE_HEADERS, docsPageSecurityHeaders } from './security-headers';

const DOCS_CSP =
  "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;" +
  "object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';upgrade-insecure-requests";

describe('security headers', () => {
  it('given an API response, then it may not be framed, sniffed, stored or load anything, and it varies by origin and credential', () => {
    expect(API_RESPONSE_HEADERS).toEqual({
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      vary: 'Origin, Authorization, X-API-Key',
    });
  });

  it("given the docs page's options, when computed, then helmet's defaults come out with our CSP sources and HSTS", () => {
    const headers = docsPageSecurityHeaders();
    expect(headers).toMatchObject({
      'content-security-policy': DOCS_CSP,
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      vary: 'Origin',
    });
    expect(Object.keys(headers)).not.toContain('x-powered-by');
  });
});
