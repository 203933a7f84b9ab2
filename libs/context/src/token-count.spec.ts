import { countTokens } from './token-count';

describe('token estimate', () => {
  it.each([
    ['', 0],
    ['a', 1],
    ['abcd', 1],
    ['abcde', 2],
    ['x'.repeat(4000), 1000],
  ])('given %j, when counted, then it is 4 characters a token rounded up', (text, tokens) => {
    expect(countTokens(text)).toBe(tokens);
  });
});
