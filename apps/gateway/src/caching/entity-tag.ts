import { hash } from 'node:crypto';

/** A strong validator of the representation (the response body as sent): the same bytes, the same tag. */
export function entityTag(representation: string): string {
  return `"${hash('sha256', representation, 'base64url').slice(0, 27)}"`;
}

/** RFC 9110 If-None-Match with weak comparison: `*`, a list, and `W/` prefixes all count. */
export function matchesIfNoneMatch(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (value: string) => value.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => opaque(candidate) === opaque(tag));
}
