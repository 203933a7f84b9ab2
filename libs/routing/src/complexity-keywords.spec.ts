import { DECISION_KEYWORDS, DOMAIN_KEYWORDS, TOOL_KEYWORDS } from './complexity-keywords';

describe('complexity keywords', () => {
  it.each([
    ['tool', TOOL_KEYWORDS, 20],
    ['domain', DOMAIN_KEYWORDS, 30],
    ['decision', DECISION_KEYWORDS, 25],
  ])('given the %s keywords, when counted, then there are at least %i as the spec asks, all different and lower case', (_, keywords, minimum) => {
    expect(keywords.length).toBeGreaterThanOrEqual(minimum as number);
    expect(new Set(keywords).size).toBe(keywords.length);
    expect(keywords.filter((keyword) => keyword !== keyword.toLowerCase())).toEqual([]);
  });
});
