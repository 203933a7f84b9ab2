import { assessComplexity, MAX_LENGTH } from './complexity';

const noKeywords = { toolKeywords: 0, domainKeywords: 0, decisionKeywords: 0 };

describe('assessComplexity', () => {
  it('given a short plain input, when assessed, then only the length factor counts and each factor is visible', () => {
    expect(assessComplexity('hello world')).toEqual({ score: 0.006, factors: { length: 0.022, ...noKeywords } }); // 11 of 500 characters
  });

  it('given one keyword of two kinds, when assessed, then each is a third of its factor and the score is their weighted sum', () => {
    // 0.25 * (19/500 + 1/3 + 1/3) = 0.176
    expect(assessComplexity('compare the pricing')).toEqual({ score: 0.176, factors: { length: 0.038, toolKeywords: 0, domainKeywords: 0.333, decisionKeywords: 0.333 } });
  });

  it('given three tool, domain and decision keywords, when assessed, then each factor saturates at three hits', () => {
    const input = 'search the database and fetch records, compare compliance audit risk and evaluate then recommend';
    expect(assessComplexity(input)).toEqual({ score: 0.798, factors: { length: 0.192, toolKeywords: 1, domainKeywords: 1, decisionKeywords: 1 } });
  });

  it('given more than three keywords of a kind, when assessed, then the factor stays at 1', () => {
    expect(assessComplexity('search fetch download upload scrape').factors.toolKeywords).toBe(1);
  });

  it('given one keyword repeated, when assessed, then it counts once', () => {
    expect(assessComplexity('search search search').factors.toolKeywords).toBe(0.333);
  });

  it.each([['trade-off'], ['trade off'], ['tradeoff'], ['cost-benefit'], ['root cause'], ['what if']])(
    'given the multi-word decision keyword "%s", when assessed, then it counts',
    (input) => {
      expect(assessComplexity(input).factors.decisionKeywords).toBe(0.333);
    },
  );

  it('given two spellings of one multi-word keyword, when assessed, then they count once', () => {
    expect(assessComplexity('the trade-off, or rather the trade off').factors.decisionKeywords).toBe(0.333);
  });

  it.each([
    ['due diligence', 'domainKeywords'],
    ['cash flow', 'domainKeywords'],
    ['look up', 'toolKeywords'],
  ] as const)('given the multi-word keyword "%s", when assessed, then %s counts it', (input, factor) => {
    expect(assessComplexity(input).factors[factor]).toBe(0.333);
  });

  it('given plurals, when assessed, then they count as their keyword', () => {
    expect(assessComplexity('files taxes searches').factors).toMatchObject({ toolKeywords: 0.667, domainKeywords: 0.333 });
  });

  it('given keywords inside other words, when assessed, then they do not count', () => {
    expect(assessComplexity('research the planet with a leader').factors).toMatchObject(noKeywords);
  });

  it('given upper case and full-width keywords, when assessed, then they count', () => {
    expect(assessComplexity('COMPARE ＰＲＩＣＩＮＧ').factors).toMatchObject({ domainKeywords: 0.333, decisionKeywords: 0.333 });
  });

  it('given surrounding whitespace, when assessed, then it does not add to the length', () => {
    expect(assessComplexity('   hello world \n\n ')).toEqual(assessComplexity('hello world'));
  });

  it('given emoji, when assessed, then each counts as one character', () => {
    expect(assessComplexity('🤖'.repeat(50)).factors.length).toBe(0.1);
  });

  it(`given ${MAX_LENGTH} characters or more, when assessed, then the length factor is 1`, () => {
    expect(assessComplexity('a'.repeat(MAX_LENGTH)).factors.length).toBe(1);
    expect(assessComplexity('a '.repeat(100_000))).toEqual({ score: 0.25, factors: { length: 1, ...noKeywords } });
  });

  it('given empty input, when assessed, then every factor and the score are 0', () => {
    expect(assessComplexity('')).toEqual({ score: 0, factors: { length: 0, ...noKeywords } });
  });

  it('given a keyword-heavy input then a plain one, when assessed, then the second is not affected by the first', () => {
    assessComplexity('compare evaluate decide choose recommend');
    expect(assessComplexity('hello world').score).toBe(0.006);
  });
});
