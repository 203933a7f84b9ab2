import { createHash } from 'node:crypto';

/**
 * A stand-in model's vector: deterministic per text and length (seeded from the text's SHA-256),
 * unit length. Unrelated to the text's meaning; tests need stable, distinct vectors, not semantics.
 */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  let state = createHash('sha256').update(text).digest().readUInt32LE(0) || 1;
  const next = () => {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32 - 0.5;
  };
  const vector = Array.from({ length: dimensions }, next);
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}
