/** One JSON call to the gateway with a bearer token; a non-2xx answer throws with its problem body. */
export async function call(gateway: string, token: string, method: string, route: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${gateway}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const parsed = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(parsed)}`);
  return { status: response.status, body: parsed, headers: response.headers };
}

/** A duration the gateway reported in its Server-Timing header, in ms (NaN when absent). */
export const serverTiming = (headers: Headers, name: string) => Number(new RegExp(`${name};dur=([\\d.]+)`).exec(headers.get('server-timing') ?? '')?.[1] ?? NaN);
