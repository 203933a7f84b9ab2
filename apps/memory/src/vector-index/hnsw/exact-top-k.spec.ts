import { exactTopK } from './exact-top-k';

const unit = (...values: number[]) => {
  const norm = Math.hypot(...values);
  return Float32Array.from(values.map((value) => value / norm));
};

describe('exact top k', () => {
  it('given candidates, when ranked, then the k most similar come first with their cosine similarity', () => {
    const candidates = [
      { itemId: 'far', vector: unit(0, 1) },
      { itemId: 'same', vector: unit(1, 0) },
      { itemId: 'near', vector: unit(1, 1) },
    ];

    const top = exactTopK(unit(1, 0), candidates, 2);

    expect(top.map((match) => match.itemId)).toEqual(['same', 'near']);
    expect(top[0].similarity).toBeCloseTo(1, 6);
    expect(top[1].similarity).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it('given no candidates, when ranked, then nothing comes back', () => {
    expect(exactTopK(unit(1, 0), [], 5)).toEqual([]);
  });
});
