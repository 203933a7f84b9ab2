import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * What every API (JSON) response carries, after the OWASP REST Security Cheat Sheet: nothing is
 * framed, sniffed, cached by default or allowed to load anything, and HTTPS is sticky. Every
 * response depends on the caller's credentials and, for browsers, on its Origin. Helmet's full
 * set is written for HTML pages and is kept for the docs page: on a JSON response its extra dozen
 * headers only cost the gateway time.
 */
export const API_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security': HSTS,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  vary: 'Origin, Authorization, X-API-Key',
};

const DOCS_PAGE_HELMET_OPTIONS: HelmetOptions = {
  // The docs page loads Swagger UI's own script and styles from this origin.
  contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], styleSrc: ["'self'", "'unsafe-inline'"] } },
  hsts: { maxAge: 31_536_000, includeSubDomains: true },
};

/**
 * helmet's headers for the docs page, computed once: they are the same for every response, and the
 * Fastify plugin would have helmet work them out again on each request.
 */
export function docsPageSecurityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(DOCS_PAGE_HELMET_OPTIONS)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return { ...headers, vary: 'Origin' };
}
