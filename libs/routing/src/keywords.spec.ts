import { KeywordMatcher } from './keywords';

const matcher = new KeywordMatcher({ words: ['trade-off', 'search', 'look up', 'vs', 'hi', 'c++'] });
const count = (text: string) => matcher.count(text).words;

describe('KeywordMatcher', () => {
  it.each([
    ['trade-off', 1],
    ['trade off', 1],
    ['tradeoff', 1],
    ['trade – off', 1],
    ['trade-offs', 1],
    ['lookup and look-up and look  up', 1],
  ])('given "%s", when counted, then spellings of one keyword count as %i', (text, expected) => {
    expect(count(text)).toBe(expected);
  });

  it.each([
    ['research', 0],
    ['searching', 0],
    ['his', 0],
    ['vss', 0],
    ['searches', 1],
    ['hi', 1],
    ['a vs. b', 1],
    ['c++ search', 2],
    ['search,search;vs', 2],
  ])('given "%s", when counted, then whole words and plurals of three letters or more match: %i', (text, expected) => {
    expect(count(text)).toBe(expected);
  });

  it.each([
    ['searché éhi', 0],
    ['東京search', 0],
    ['поиск·search', 1],
    ['é search', 1],
    ['🤖search', 1],
    ['“search”', 1],
    ['search。', 1],
  ])('given "%s", when counted, then letters of any script join a word while emoji and punctuation end it: %i', (text, expected) => {
    expect(count(text)).toBe(expected);
  });

  it('given a phrase whose first word is also a keyword, when counted, then the phrase and the word are told apart', () => {
    const phrases = new KeywordMatcher({ words: ['look', 'look up'] });
    expect(phrases.count('look up').words).toBe(1);
    expect(phrases.count('look up, then look again').words).toBe(2);
  });

  it('given several groups, when counted, then each group counts its own keywords and a keyword in two groups counts in both', () => {
    const groups = new KeywordMatcher({ tools: ['search', 'fetch'], money: ['budget', 'search'] });
    expect(groups.count('search the budget and fetch it')).toEqual({ tools: 2, money: 2 });
  });

  it('given a limit, when counted, then each group stops there and the next count starts afresh', () => {
    expect(matcher.count('search hi vs trade-off', 2)).toEqual({ words: 2 });
    expect(count('hi')).toBe(1);
  });

  it('given groups without keywords, when counted, then nothing matches', () => {
    expect(new KeywordMatcher({ none: [] }).count('anything at all')).toEqual({ none: 0 });
  });
});
