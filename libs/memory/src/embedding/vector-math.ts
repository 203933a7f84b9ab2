/** The vector's Euclidean length. */
export function l2Norm(vector: Float32Array): number {
  let sum = 0;
  for (const value of vector) sum += value * value;
  return Math.sqrt(sum);
}

/** Scales the vector to length 1 in place; the zero vector stays zero (it has no direction). */
export function normaliseInPlace(vector: Float32Array): Float32Array {
  const norm = l2Norm(vector);
  if (norm > 0) for (let index = 0; index < vector.length; index++) vector[index] /= norm;
  return vector;
}

/** The cosine of the angle between two vectors: 1 same direction, 0 unrelated (or a zero vector), -1 opposite. */
export function cosineSimilarity(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new RangeError(`cannot compare vectors of ${a.length} and ${b.length} dimensions`);
  let dot = 0;
  for (let index = 0; index < a.length; index++) dot += a[index] * b[index];
  const norms = l2Norm(a) * l2Norm(b);
  return norms === 0 ? 0 : dot / norms;
}
