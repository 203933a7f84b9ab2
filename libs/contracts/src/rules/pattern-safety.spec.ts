import { MAX_PATTERN_LENGTH, patternProblem } from './pattern-safety';

describe('pattern safety', () => {
  it.each([
    ['(a+)+', 'nested quantifiers, as in (a+)+, are not allowed'],
    ['(a*)*', 'nested quantifiers, as in (a+)+, are not allowed'],
    ['(.*)*', 'nested quantifiers, as in (a+)+, are not allowed'],
    ['^(\\w+\\s?)+$', 'nested quantifiers, as in (a+)+, are not allowed'],
    ['(a+){2,5}', 'nested quantifiers, as in (a+)+, are not allowed'],
    ['(a?)+', 'nested quantifiers, as in (a+)+, are not allowed'],
    ['(?:a|)+', 'a repeated part that can match nothing, as in (a?)*, is not allowed'],
    ['(a|a)*', 'a repeated group whose alternatives can start alike, as in (a|a)*, is not allowed'],
    ['^(a|ab)+$', 'a repeated group whose alternatives can start alike, as in (a|a)*, is not allowed'],
    ['^(\\d|[0-5])+$', 'a repeated group whose alternatives can start alike, as in (a|a)*, is not allowed'],
    ['\\d+\\d+', 'adjacent quantifiers over overlapping characters, as in \\d+\\d+, are not allowed'],
    ['.*.*x', 'adjacent quantifiers over overlapping characters, as in \\d+\\d+, are not allowed'],
    ['^\\w+\\s?\\w+$', 'adjacent quantifiers over overlapping characters, as in \\d+\\d+, are not allowed'],
    ['(a)\\1', 'backreferences are not allowed'],
    ['(?<q>a)\\k<q>', 'backreferences are not allowed'],
    ['(?<=a)b', 'lookbehind is not allowed'],
    ['(?<!a)b', 'lookbehind is not allowed'],
    ['^(?=(a+)+$)', 'nested quantifiers, as in (a+)+, are not allowed'],
  ])('given the risky pattern %s, when checked, then it is refused because %s', (pattern, problem) => {
    expect(patternProblem(pattern)).toBe(problem);
  });

  it('given a repeated group with a fixed inner count, when checked, then safe-regex2 still refuses it', () => {
    expect(patternProblem('^(\\d{3}-)+$')).toBe('pattern may backtrack catastrophically (safe-regex2: star height above 1)');
  });

  it.each([
    '^[a-z][a-z0-9_]{2,63}$',
    '^\\d{4}-\\d{2}-\\d{2}$',
    '^[a-z]+@[a-z]+\\.[a-z]{2,}$',
    '^\\s*\\w+\\s*$',
    '^(foo|bar)+$',
    '^(yes|no)$',
    '^https?://\\S+$',
    '^\\+?[0-9 ()-]{7,20}$',
    '^[A-Z]{2,3}-\\d+$',
    '^(?!test)[a-z]+$',
  ])('given the linear pattern %s, when checked, then it is accepted', (pattern) => {
    expect(patternProblem(pattern)).toBeUndefined();
  });

  it('given an invalid regular expression, when checked, then the engine error is quoted', () => {
    expect(patternProblem('(a')).toBe('not a valid regular expression: Invalid regular expression: /(a/: Unterminated group');
  });

  it('given a pattern over the length limit, when checked, then it is refused before it is compiled', () => {
    expect(patternProblem('a'.repeat(MAX_PATTERN_LENGTH + 1))).toBe('pattern is longer than 200 characters');
    expect(patternProblem('a'.repeat(MAX_PATTERN_LENGTH))).toBeUndefined();
  });
});
