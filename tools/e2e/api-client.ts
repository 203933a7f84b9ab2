import { mintToken } from '@sigil/local-stack';

/** The secret the e2e gateway trusts; tests mint their own tokens with it. */
export const E2E_JWT_SECRET = 'e2e-secret-0123456789abcdef0123456789abcdef';

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export type Api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiResponse>;

/** Calls the gateway as whoever the headers say; the body is parsed when there is one. */
export function apiAt(baseUrl: string, credentials: Record<string, string>): Api {
  return async (method, path, body, headers = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...credentials, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
}

export async function bearer(tenantId: string, scope: string, extra: { tier?: string; subject?: string; ttlSeconds?: number } = {}): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await mintToken(E2E_JWT_SECRET, { tenantId, scope, issuer: 'sigil-e2e', ...extra })}` };
}

export const E2E_AUTH_ENV = { SIGIL_JWT_SECRET: E2E_JWT_SECRET, SIGIL_JWT_ISSUER: 'sigil-e2e' };
