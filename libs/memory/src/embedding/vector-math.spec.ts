import { cosineSimilarity, l2Norm, normaliseInPlace } from './vector-math';

const vector = (...values: number[]) => Float32Array.from(values);

describe('vector math', () => {
  it('given vectors in the same, opposite and orthogonal directions, when compared, then the cosine is 1, -1 and 0', () => {
    expect(cosineSimilarity(vector(1, 2), vector(2, 4))).toBeCloseTo(1, 6);
    expect(cosineSimilarity(vector(1, 2), vector(-1, -2))).toBeCloseTo(-1, 6);
    expect(cosineSimilarity(vector(1, 0), vector(0, 3))).toBe(0);
  });

  it('given a zero vector, when compared, then the similarity is 0 (it has no direction)', () => {
    expect(cosineSimilarity(vector(0, 0), vector(1, 1))).toBe(0);
  });

  it('given vectors of different lengths, when compared, then it is refused', () => {
    expect(() => cosineSimilarity(vector(1), vector(1, 2))).toThrow('cannot compare vectors of 1 and 2 dimensions');
  });

  it('given a vector, when normalised, then its length is 1; the zero vector stays zero', () => {
    expect(l2Norm(normaliseInPlace(vector(3, 4)))).toBeCloseTo(1, 6);
    expect(normaliseInPlace(vector(0, 0))).toEqual(vector(0, 0));
  });
});
