import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@sigil/service-kit';
import type { Redis } from 'ioredis';

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export type Claim =
  | { outcome: 'claimed' }
  | { outcome: 'in_progress' }
  | { outcome: 'mismatch' }
  | { outcome: 'replay'; response: StoredResponse };

/** A first request holds the key this long; a crashed replica's claim lapses and the client may retry. */
const CLAIM_SECONDS = 120;
const KEEP_SECONDS = 24 * 3_600;

interface Entry {
  fingerprint: string;
  response?: StoredResponse;
}

/** Idempotency records in Redis, shared by every gateway replica; SET NX makes the first claim win. */
@Injectable()
export class IdempotencyStore {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async claim(key: string, fingerprint: string): Promise<Claim> {
    const entry: Entry = { fingerprint };
    if ((await this.redis.set(key, JSON.stringify(entry), 'EX', CLAIM_SECONDS, 'NX')) === 'OK') return { outcome: 'claimed' };
    const existing = await this.redis.get(key);
    if (existing === null) return this.claim(key, fingerprint);
    const stored = JSON.parse(existing) as Entry;
    if (stored.fingerprint !== fingerprint) return { outcome: 'mismatch' };
    return stored.response ? { outcome: 'replay', response: stored.response } : { outcome: 'in_progress' };
  }

  async complete(key: string, fingerprint: string, response: StoredResponse): Promise<void> {
    await this.redis.set(key, JSON.stringify({ fingerprint, response } satisfies Entry), 'EX', KEEP_SECONDS);
  }

  /** The first attempt failed: forget it, so a retry runs again instead of replaying the failure. */
  async release(key: string): Promise<void> {
    await this.redis.del(key);
  }
}
