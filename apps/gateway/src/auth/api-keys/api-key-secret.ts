import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const FORMAT = /^sk_live_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface IssuedApiKey {
  id: string;
  /** What lists show and logs may carry: identifies the key, grants nothing. */
  prefix: string;
  /** Shown once, to the creator; only its hash is stored. */
  plaintext: string;
  secretHash: string;
}

/** SHA-256 suffices: the secret is 256 random bits, so there is nothing for a slow hash to protect against. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function issueApiKey(): IssuedApiKey {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, prefix: `sk_live_${id}`, plaintext: `sk_live_${id}_${secret}`, secretHash: hashSecret(secret) };
}

/** The key's id and secret, or undefined for anything not shaped like a Sigil key. */
export function parseApiKey(plaintext: string): { id: string; secret: string } | undefined {
  const match = FORMAT.exec(plaintext);
  return match ? { id: match[1], secret: match[2] } : undefined;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
