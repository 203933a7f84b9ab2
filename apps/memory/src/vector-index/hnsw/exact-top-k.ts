import type { VectorMatch } from '../vector-index';

export interface ScoredCandidate {
  itemId: string;
  /** Unit length, as the query: the dot product is then the cosine similarity. */
  vector: Float32Array;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < a.length; index++) sum += a[index] * b[index];
  return sum;
}

/**
 * The `k` candidates most similar to the query, best first, by exact cosine similarity: for the few
 * items an approximate index cannot answer well (a small filtered subset) or does not hold yet.
 */
export function exactTopK(query: Float32Array, candidates: Iterable<ScoredCandidate>, k: number): VectorMatch[] {
  const scored: VectorMatch[] = [];
  for (const candidate of candidates) scored.push({ itemId: candidate.itemId, similarity: dot(query, candidate.vector) });
  return scored.sort((a, b) => b.similarity - a.similarity || a.itemId.localeCompare(b.itemId)).slice(0, k);
}
