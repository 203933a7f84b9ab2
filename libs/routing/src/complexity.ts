import { COMPLEXITY_KEYWORDS } from './complexity-keywords';
import { toMatchableText } from './text';

/** Inputs this long (in characters, after trimming) or longer get the full length factor. */
export const MAX_LENGTH = 500;
const FACTOR_WEIGHT = 0.25;
/** Three different keywords of a kind saturate its factor; repeating one keyword adds nothing. */
const KEYWORDS_TO_SATURATE = 3;

export interface ComplexityFactors {
  length: number;
  toolKeywords: number;
  domainKeywords: number;
  decisionKeywords: number;
}

export interface ComplexityAssessment {
  /** In [0, 1], rounded to 3 decimals: the weighted sum of the factors. */
  score: number;
  /** Each in [0, 1], rounded to 3 decimals. */
  factors: ComplexityFactors;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Code points, not UTF-16 units, so an emoji counts once; counting stops at MAX_LENGTH. */
function cappedLength(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length && length < MAX_LENGTH; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0xdc00 || unit > 0xdfff) length++; // a low surrogate ends a pair already counted
  }
  return length;
}

/** The 4-factor assessment (spec §3.2): length, tool, domain and decision keywords, each weighted 0.25. */
export function assessComplexity(input: string): ComplexityAssessment {
  const hits = COMPLEXITY_KEYWORDS.count(toMatchableText(input), KEYWORDS_TO_SATURATE);
  const factors: ComplexityFactors = {
    length: round(cappedLength(input.trim()) / MAX_LENGTH),
    toolKeywords: round(hits.toolKeywords / KEYWORDS_TO_SATURATE),
    domainKeywords: round(hits.domainKeywords / KEYWORDS_TO_SATURATE),
    decisionKeywords: round(hits.decisionKeywords / KEYWORDS_TO_SATURATE),
  };
  const score = round(FACTOR_WEIGHT * (factors.length + factors.toolKeywords + factors.domainKeywords + factors.decisionKeywords));
  return { score, factors };
}
