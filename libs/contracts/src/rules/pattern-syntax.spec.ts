import { DIGIT, DOT, complement, singleChar } from './char-set';
import { parsePattern } from './pattern-syntax';

const a = singleChar('a'.charCodeAt(0));
const sequenceOf = (source: string) => {
  const root = parsePattern(source);
  if (root.kind !== 'group') throw new Error('the root is always a group');
  return root.alternatives;
};

describe('pattern syntax', () => {
  it('given anchors, a literal and a dot, when parsed, then each is one node in sequence', () => {
    expect(sequenceOf('^a.$')).toEqual([[{ kind: 'assertion' }, { kind: 'chars', set: a }, { kind: 'chars', set: DOT }, { kind: 'assertion' }]]);
  });

  it.each([
    ['a*', 0, Infinity],
    ['a+', 1, Infinity],
    ['a?', 0, 1],
    ['a{3}', 3, 3],
    ['a{2,}', 2, Infinity],
    ['a{2,5}', 2, 5],
    ['a+?', 1, Infinity],
  ])('given %s, when parsed, then it repeats a from %s to %s times', (source, min, max) => {
    expect(sequenceOf(source)).toEqual([[{ kind: 'repeat', body: { kind: 'chars', set: a }, min, max }]]);
  });

  it('given a brace that is no quantifier, when parsed, then it is a literal character', () => {
    expect(sequenceOf('a{x')).toEqual([[{ kind: 'chars', set: a }, { kind: 'chars', set: singleChar(123) }, { kind: 'chars', set: singleChar(120) }]]);
  });

  it('given a negated class with a range and \\d, when parsed, then its set is the complement of their union', () => {
    expect(sequenceOf('[^a-c\\d]')).toEqual([[{ kind: 'chars', set: complement([[48, 57], [97, 99]]) }]]);
  });

  it('given a dash next to a class escape, when parsed, then the dash is a plain character', () => {
    expect(sequenceOf('[\\d-z]')).toEqual([[{ kind: 'chars', set: [[45, 45], [48, 57], [122, 122]] }]]);
  });

  it('given escapes for digits, hex and unicode codes, when parsed, then they become their characters', () => {
    expect(sequenceOf('\\d\\x41\\u0042\\n')).toEqual([
      [
        { kind: 'chars', set: DIGIT },
        { kind: 'chars', set: singleChar(0x41) },
        { kind: 'chars', set: singleChar(0x42) },
        { kind: 'chars', set: singleChar(10) },
      ],
    ]);
  });

  it('given groups of each kind, when parsed, then lookarounds are marked and named groups are plain', () => {
    const [[plain, named, ahead, behind]] = sequenceOf('(?:a)(?<n>a)(?=a)(?<!a)');
    expect([plain, named, ahead, behind].map((node) => (node.kind === 'group' ? node.lookaround : node.kind))).toEqual(['none', 'none', 'lookahead', 'lookbehind']);
  });

  it('given numbered and named backreferences, when parsed, then both are backreference nodes', () => {
    const [[, first, , second]] = sequenceOf('(a)\\1(?<x>a)\\k<x>');
    expect([first.kind, second.kind]).toEqual(['backreference', 'backreference']);
  });

  it('given alternation at the top, when parsed, then each alternative is a sequence', () => {
    expect(sequenceOf('a|b')).toHaveLength(2);
  });

  it('given a stray closing parenthesis, when parsed, then it is a syntax error', () => {
    expect(() => parsePattern('a)')).toThrow(SyntaxError);
  });
});
