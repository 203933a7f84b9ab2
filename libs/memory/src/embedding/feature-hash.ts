const FNV_OFFSET_BASIS = 0x811c9dc5;

/**
 * FNV-1a over the UTF-16 code units: a fast, stable 32-bit hash (the same on every replica and
 * release). A seed (the hash of a prefix) continues the hash as if the prefix came first.
 */
export function fnv1a(text: string, seed = FNV_OFFSET_BASIS): number {
  let hash = seed;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's finaliser: mixes every bit of the hash into every other, so the sign bit is independent of the bucket. */
function mix(hash: number): number {
  let mixed = hash;
  mixed ^= mixed >>> 16;
  mixed = Math.imul(mixed, 0x85ebca6b);
  mixed ^= mixed >>> 13;
  mixed = Math.imul(mixed, 0xc2b2ae35);
  mixed ^= mixed >>> 16;
  return mixed >>> 0;
}

/**
 * Adds a feature's weight to its hashed bucket with a hashed sign (the "hashing trick"): the signs make
 * colliding features cancel out on average instead of piling up, so dot products stay unbiased.
 */
export function addHashedFeature(vector: Float32Array, feature: string, seed: number, weight: number): void {
  const hash = fnv1a(feature, seed);
  vector[hash % vector.length] += mix(hash) & 1 ? weight : -weight;
}
