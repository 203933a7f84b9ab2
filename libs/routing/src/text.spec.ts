import { MAX_SCANNED_CHARS, toMatchableText } from './text';

describe('toMatchableText', () => {
  it('given mixed case ASCII, when made matchable, then it is lower case and otherwise unchanged', () => {
    expect(toMatchableText('Create An AGENT, please!')).toBe('create an agent, please!');
  });

  it('given full-width letters and a ligature, when made matchable, then they fold to plain lower-case letters', () => {
    expect(toMatchableText('ＣＲＥＡＴＥ the ﬁle')).toBe('create the file');
  });

  it('given accents and emoji, when made matchable, then they are kept', () => {
    expect(toMatchableText('Créez 🤖')).toBe('créez 🤖');
  });

  it('given an input longer than the cap, when made matchable, then only the first MAX_SCANNED_CHARS characters remain', () => {
    const text = toMatchableText(`${'A'.repeat(MAX_SCANNED_CHARS)}TAIL`);
    expect(text).toHaveLength(MAX_SCANNED_CHARS);
    expect(text.endsWith('a')).toBe(true);
  });

  it('given empty input, when made matchable, then it stays empty', () => {
    expect(toMatchableText('')).toBe('');
  });
});
