import { ANY_CHAR, DIGIT, DOT, EMPTY_SET, SPACE, WORD, charSetOf, complement, intersects, singleChar, union } from './char-set';

describe('char sets', () => {
  it('given overlapping and adjacent ranges, when normalised, then they merge into sorted disjoint ranges', () => {
    expect(charSetOf([[10, 12], [1, 3], [4, 5], [11, 20]])).toEqual([[1, 5], [10, 20]]);
  });

  it('given a set, when complemented, then the gaps up to 0xFFFF are returned and complementing twice restores it', () => {
    expect(complement([[0, 9], [20, 30]])).toEqual([[10, 19], [31, 0xffff]]);
    expect(complement(complement(DIGIT))).toEqual(DIGIT);
    expect(complement(ANY_CHAR)).toEqual(EMPTY_SET);
  });

  it('given \\d and \\w, when intersected, then they overlap; \\s and \\w do not', () => {
    expect(intersects(DIGIT, WORD)).toBe(true);
    expect(intersects(SPACE, WORD)).toBe(false);
  });

  it('given a newline and `.`, when intersected, then they do not overlap but a letter does', () => {
    expect(intersects(singleChar(10), DOT)).toBe(false);
    expect(intersects(singleChar(97), DOT)).toBe(true);
  });

  it('given two single characters, when united, then both are in the set', () => {
    expect(union(singleChar(98), singleChar(97))).toEqual([[97, 98]]);
  });
});
