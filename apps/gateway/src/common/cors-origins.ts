/** SIGIL_CORS_ORIGINS: comma-separated exact origins; empty or unset allows no cross-origin browser calls. */
export function corsOriginsFromEnv(raw: string | undefined): string[] {
  const origins = (raw ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (origin === '*') throw new Error('SIGIL_CORS_ORIGINS must list origins; "*" would let any site call the API with credentials');
    const parsed = URL.parse(origin);
    if (!parsed || parsed.origin !== origin) throw new Error(`SIGIL_CORS_ORIGINS entry "${origin}" is not an origin like https://app.example.com`);
  }
  return origins;
}
