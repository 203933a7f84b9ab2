/** The permission scopes of the API guidelines; `admin` grants every other. */
export const SCOPES = [
  'agents:read',
  'agents:write',
  'agents:execute',
  'memory:read',
  'memory:write',
  'evolution:read',
  'evolution:write',
  'admin',
] as const;

export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** Scopes from the space-separated `scope` claim; unknown scopes are ignored, not errors, so issuers may add their own. */
export function parseScopeClaim(claim: unknown): Scope[] {
  if (typeof claim !== 'string') return [];
  return [...new Set(claim.split(' ').filter(isScope))];
}

/** The required scopes the holder lacks; empty when every one is held or the holder is admin. */
export function missingScopes(held: readonly Scope[], required: readonly Scope[]): Scope[] {
  if (held.includes('admin')) return [];
  return required.filter((scope) => !held.includes(scope));
}
