import { fuseResults } from './fuse-results';

describe('fusing vector and lexical results', () => {
  it('given an item both searches found and one only the vectors found at a slightly higher similarity, when fused, then the one found by both ranks first', () => {
    const fused = fuseResults(
      [
        { itemId: 'vector-only', similarity: 0.82 },
        { itemId: 'both', similarity: 0.78 },
      ],
      [{ itemId: 'both', score: 0.12 }],
      5,
    );
    expect(fused.map((result) => result.itemId)).toEqual(['both', 'vector-only']);
    expect(fused[0]).toEqual({ itemId: 'both', score: 0.7 * 0.78 + 0.3, vectorSimilarity: 0.78, lexicalScore: 0.12 });
    expect(fused[1]).toEqual({ itemId: 'vector-only', score: 0.7 * 0.82, vectorSimilarity: 0.82, lexicalScore: 0 });
  });

  it('given lexical scores, when fused, then each counts relative to the best lexical match', () => {
    const fused = fuseResults([], [{ itemId: 'a', score: 0.2 }, { itemId: 'b', score: 0.1 }], 5);
    expect(fused.map((result) => [result.itemId, result.score])).toEqual([
      ['a', 0.3],
      ['b', 0.15],
    ]);
  });

  it('given any inputs, when fused, then scores stay within 0..1 and negative similarities count as 0', () => {
    const fused = fuseResults([{ itemId: 'same', similarity: 1 }, { itemId: 'opposite', similarity: -0.4 }], [{ itemId: 'same', score: 0.9 }], 5);
    expect(fused.map((result) => result.score)).toEqual([1, 0]);
    expect(fused[1].vectorSimilarity).toBe(-0.4);
  });

  it('given more candidates than k, when fused, then the best k come back', () => {
    const vector = Array.from({ length: 10 }, (_, index) => ({ itemId: `i${index}`, similarity: index / 10 }));
    expect(fuseResults(vector, [], 3).map((result) => result.itemId)).toEqual(['i9', 'i8', 'i7']);
  });

  it('given an item listed twice by a search, when fused, then it appears once with its best value', () => {
    expect(fuseResults([{ itemId: 'a', similarity: 0.2 }, { itemId: 'a', similarity: 0.6 }], [], 5)).toEqual([{ itemId: 'a', score: 0.7 * 0.6, vectorSimilarity: 0.6, lexicalScore: 0 }]);
  });

  it('given equal scores, when fused, then the order is stable: more similar first, then by id', () => {
    const fused = fuseResults([{ itemId: 'b', similarity: 0.5 }, { itemId: 'a', similarity: 0.5 }], [], 5);
    expect(fused.map((result) => result.itemId)).toEqual(['a', 'b']);
  });

  it('given nothing found, when fused, then there are no results', () => {
    expect(fuseResults([], [], 5)).toEqual([]);
  });
});
